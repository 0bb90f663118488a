import { setTimeout as sleep } from 'node:timers/promises';

/** A failed batch (or a lost stream) is tried again after this wait, doubled each time up to the cap. */
const RETRY_FIRST_DELAY_MS = 100;
const RETRY_MAX_DELAY_MS = 5_000;
/** How long createTopics waits for every new partition to have a leader, and how often it looks. */
const LEADERS_TIMEOUT_MS = 10_000;
const LEADERS_POLL_MS = 100;

/** The waits both Kafka adapters share, whatever their client. */
export function retryDelay(attempt: number): number {
  return Math.min(RETRY_FIRST_DELAY_MS * 2 ** attempt, RETRY_MAX_DELAY_MS);
}

/** Waits `ms`; false when the subscription stops first. */
export async function pause(ms: number, stopping: AbortSignal): Promise<boolean> {
  if (stopping.aborted) return false;
  try {
    await sleep(ms, undefined, { signal: stopping });
    return true;
  } catch {
    return false;
  }
}

/**
 * Until every partition of `topics` has a leader (`ready` asks the client's metadata): a send or
 * a group join before that fails, and neither client waits by itself.
 */
export async function waitForLeaders(topics: string[], ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the leaders of ${topics.join(', ')}`);
    await sleep(LEADERS_POLL_MS);
  }
}
