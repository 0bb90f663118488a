import { perSecond, timed, type Timed } from '../../harness/measure';
import type { RunPlan } from './interleave';
import { LONG_STREAM, LONG_STREAM_EVENTS } from './seed';
import type { ChainVerification, EventStoreSubject } from './subject';

type Log = (message: string) => void;

/** readAll's page in the replay row, and the catch-up batch in the rebuild row, for every system. */
export const PAGE_SIZE = 5_000;
/** Enough pages to warm the decoding path and the connections before a timed replay. */
const REPLAY_WARMUP_EVENTS = 50_000;
const READ_STREAM = { warmupMs: 1_000, runMs: 3_000 };

/** Row 4: the long stream read whole, again and again, for a few seconds per run. */
export function readStreamPlan(subject: EventStoreSubject, runs: number, log: Log): RunPlan {
  const readFor = async (durationMs: number): Promise<Timed> => {
    const started = performance.now();
    let events = 0;
    while (performance.now() - started < durationMs) {
      const read = await subject.readStream(LONG_STREAM);
      events += covered(`${subject.name} read stream`, read, LONG_STREAM_EVENTS, log);
    }
    return { units: events, elapsedMs: performance.now() - started };
  };
  return {
    prepare: async () => void (await readFor(READ_STREAM.warmupMs)),
    run: async () => {
      const rate = perSecond(await readFor(READ_STREAM.runMs));
      log(`${subject.name} read stream: ${Math.round(rate)} events/s`);
      return rate;
    },
    runs,
  };
}

/** Row 5: every event in global order, page by page. One run and no warm-up where a pass takes minutes. */
export function replayPlan(subject: EventStoreSubject, total: number, runs: number, log: Log): RunPlan {
  return {
    ...(runs > 1 ? { prepare: async () => void (await subject.replayAll(PAGE_SIZE, REPLAY_WARMUP_EVENTS)) } : {}),
    run: () =>
      timedRate(`${subject.name} replay all`, log, async () =>
        covered(`${subject.name} replay`, await subject.replayAll(PAGE_SIZE), total, log),
      ),
    runs,
  };
}

/** Row 6: the counter projection rebuilt from the first event. */
export function rebuildPlan(subject: EventStoreSubject, total: number, runs: number, log: Log): RunPlan {
  return {
    run: () =>
      timedRate(`${subject.name} rebuild projection`, log, async () =>
        covered(`${subject.name} rebuild`, await subject.rebuildCounts(PAGE_SIZE), total, log),
      ),
    runs,
  };
}

/**
 * Row 6b: the counter rebuilt in a shadow schema and swapped in (Lintas), beside the same counter
 * rebuilt in place (`CatchUpSubscription.rebuild`, row 6's Lintas figure), its peer.
 */
export function rebuildWithSwapPlan(
  name: string,
  rebuild: (batchSize: number) => Promise<number>,
  total: number,
  runs: number,
  log: Log,
): RunPlan {
  return {
    run: () => timedRate(name, log, async () => covered(name, await rebuild(PAGE_SIZE), total, log)),
    runs,
  };
}

/** Row 7: every event checked against its hash, after the untimed preparation (Lintas seals). */
export function verifyPlan(name: string, chain: ChainVerification, total: number, runs: number, log: Log): RunPlan {
  return {
    prepare: async () => {
      const started = performance.now();
      await chain.prepare();
      log(`${name} verification prepared (untimed) in ${seconds(performance.now() - started)}`);
    },
    run: () =>
      timedRate(`${name} verify chain`, log, async () => covered(`${name} verify`, await chain.verify(), total, log)),
    runs,
  };
}

async function timedRate(what: string, log: Log, work: () => Promise<number>): Promise<number> {
  const run = await timed(work);
  const rate = perSecond(run);
  log(`${what}: ${Math.round(rate)} events/s (${seconds(run.elapsedMs)})`);
  return rate;
}

/**
 * Work that did not cover every event would look fast. The figure counts only what was covered,
 * and the shortfall is shouted in the log rather than stopping the run: Emmett's global read
 * loses events (see emmett-subject.ts), and its other figures are still worth having.
 */
function covered(what: string, actual: number, expected: number, log: Log): number {
  if (actual !== expected) log(`WARNING: ${what} covered ${actual} events of ${expected}; its rate counts only those`);
  return actual;
}

function seconds(elapsedMs: number): string {
  return `${(elapsedMs / 1_000).toFixed(1)} s`;
}
