import { setTimeout as sleep } from 'node:timers/promises';

/** A failed batch (or a lost stream) is tried again after this wait, doubled each time up to the cap. */
const RETRY_FIRST_DELAY_MS = 100;
const RETRY_MAX_DELAY_MS = 5_000;
/** How long createTopics waits for every new partition to have a leader, and how often it looks. */
const LEADERS_TIMEOUT_MS = 10_000;
const LEADERS_POLL_MS = 100;

/**
 * A member that died without leaving the group (SIGKILL, a lost machine) keeps its partitions until
 * its session times out: only then does the coordinator give them to the other members, or let a
 * restarted member in. 6 s is the least a broker accepts by default (group.min.session.timeout.ms);
 * the clients' own defaults (kafkajs 30 s, @platformatic/kafka 1 min) held a crashed service's
 * hand-overs that long. A member that leaves on a graceful stop frees its partitions at once.
 */
export const GROUP_SESSION_TIMEOUT_MS = 6_000;
/** Heartbeats are how a live member learns of a rebalance: it rejoins within one interval. */
export const GROUP_HEARTBEAT_INTERVAL_MS = 500;
/**
 * How long a rebalance waits for live members to rejoin. A member busy with a batch longer than this
 * is dropped and joins again after it; its batch, not committed, is delivered again (inboxes absorb it).
 */
export const GROUP_REBALANCE_TIMEOUT_MS = 15_000;
/**
 * The longest the broker holds a fetch with nothing to read, and so the longest a consumer takes to
 * notice a stop or a new assignment while idle. Data is returned at once either way.
 */
export const FETCH_MAX_WAIT_MS = 500;
/**
 * The clients' own retries of a failed request: short, since everything above them tries again
 * anyway (the relay, the subscriptions, start-up), and a client's long backoff (kafkajs doubles up
 * to 30 s, @platformatic/kafka waits 1 s each time) only delays the resumption after a broker or
 * a partition leader comes back.
 */
export const CLIENT_RETRY_FIRST_MS = 100;
export const CLIENT_RETRY_MAX_MS = 1_000;
export const CLIENT_RETRIES = 5;
/** createTopics' clients give up sooner: start-up tries again with its own backoff, and logs each attempt. */
export const ADMIN_RETRIES = 2;

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
