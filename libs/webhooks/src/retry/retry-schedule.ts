/**
 * When a failed delivery is tried again, and what an answer means. Pure: time and chance come in.
 *
 * The schedule is the wait before each attempt, the first at once: by default at once, 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h (about a day and a quarter of waiting over eight attempts; with the
 * hold of a subscription that keeps failing, about three days before it is disabled).
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS: readonly number[] = [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 36_000];

/** `0,5,300,…` (seconds, fractions allowed) into milliseconds. */
export function parseRetrySchedule(text: string): number[] {
  const seconds = text.split(',').map((part) => Number(part.trim()));
  if (seconds.length === 0 || seconds.some((value) => !Number.isFinite(value) || value < 0)) {
    throw new Error('a retry schedule is a comma-separated list of seconds, e.g. 0,5,300');
  }
  return seconds.map((value) => Math.round(value * 1000));
}

/** Up to a fifth more or less than the schedule says, so that failed deliveries do not return in step. */
export const JITTER = 0.2;

/**
 * The wait before the next attempt after `attemptsMade` attempts failed, in ms, with jitter
 * (`random` in [0, 1)); at least what the receiver asked for with Retry-After. Undefined when
 * the schedule is spent.
 */
export function nextAttemptDelay(
  scheduleMs: readonly number[],
  attemptsMade: number,
  random: number,
  retryAfterMs?: number,
): number | undefined {
  const planned = scheduleMs[attemptsMade];
  if (planned === undefined) return undefined;
  const jittered = Math.round(planned * (1 - JITTER + 2 * JITTER * random));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Never wait longer than a day because a receiver said so. */
const LONGEST_RETRY_AFTER_MS = 86_400_000;

/** A Retry-After header (delay-seconds or an HTTP-date) in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), LONGEST_RETRY_AFTER_MS);
}

/**
 * What an attempt's answer means: `delivered` (2xx), `gone` (410: the receiver wants no more, the
 * subscription is disabled), `slow-down` (429, 502, 503, 504: the receiver is overwhelmed, the whole
 * subscription waits) or `retry` (anything else, and no answer at all: a timeout, a refused address,
 * a redirect, which is never followed).
 */
export type AttemptVerdict = 'delivered' | 'gone' | 'slow-down' | 'retry';

export function verdictOf(status: number | undefined): AttemptVerdict {
  if (status === undefined) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if ([429, 502, 503, 504].includes(status)) return 'slow-down';
  return 'retry';
}
