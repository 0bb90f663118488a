import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Starts operation i at start + i / rate seconds, whether or not the earlier ones have finished
 * (an open loop, as independent clients behave), and returns each one's latency in ms from the
 * time it was due, not from when it actually started: a stall then shows in every operation it
 * delayed instead of being hidden by the loop slowing down (coordinated omission).
 */
export async function openLoop(
  ratePerSecond: number,
  durationMs: number,
  operation: (index: number) => Promise<void>,
): Promise<number[]> {
  const intervalMs = 1_000 / ratePerSecond;
  const count = Math.round(durationMs / intervalMs);
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  const start = performance.now();
  let next = 0;
  while (next < count) {
    const now = performance.now();
    // Timers fire late by a millisecond or more: everything due by now goes at once, on time by its schedule.
    for (; next < count && start + next * intervalMs <= now; next += 1) {
      const due = start + next * intervalMs;
      running.push(operation(next).then(() => void latencies.push(performance.now() - due)));
    }
    if (next < count) await sleep(Math.max(0, start + next * intervalMs - performance.now()));
  }
  await Promise.all(running);
  return latencies;
}
