import {
  DEFAULT_RETRY_SCHEDULE_SECONDS,
  nextAttemptDelay,
  parseRetrySchedule,
  retryAfterMs,
  verdictOf,
} from './retry-schedule';

describe('retry schedule', () => {
  const schedule = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE_SECONDS.join(','));

  it('waits as the schedule says after each failed attempt, with at most a fifth of jitter', () => {
    expect(schedule).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextAttemptDelay(schedule, 1, 0.5)).toBe(5_000);
    expect(nextAttemptDelay(schedule, 1, 0)).toBe(4_000);
    expect(nextAttemptDelay(schedule, 1, 0.999999)).toBeCloseTo(6_000, -1);
    expect(nextAttemptDelay(schedule, 7, 0.5)).toBe(36_000_000);
  });

  it('gives up once the schedule is spent', () => {
    expect(nextAttemptDelay(schedule, 8, 0.5)).toBeUndefined();
  });

  it('waits at least what Retry-After asks', () => {
    expect(nextAttemptDelay(schedule, 1, 0.5, 120_000)).toBe(120_000);
    expect(nextAttemptDelay(schedule, 2, 0.5, 1_000)).toBe(300_000);
  });

  it('reads Retry-After as seconds or an HTTP date, at most a day', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('999999999', now)).toBe(86_400_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('reads fractions of seconds, for tests, and refuses what is not a schedule', () => {
    expect(parseRetrySchedule('0,0.05,0.1')).toEqual([0, 50, 100]);
    expect(() => parseRetrySchedule('0,-1')).toThrow();
    expect(() => parseRetrySchedule('a')).toThrow();
  });

  it('tells what an answer means', () => {
    expect(verdictOf(200)).toBe('delivered');
    expect(verdictOf(204)).toBe('delivered');
    expect(verdictOf(410)).toBe('gone');
    for (const status of [429, 502, 503, 504]) expect(verdictOf(status)).toBe('slow-down');
    for (const status of [301, 400, 404, 500]) expect(verdictOf(status)).toBe('retry');
    expect(verdictOf(undefined)).toBe('retry');
  });
});
