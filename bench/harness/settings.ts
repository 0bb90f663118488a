/** What a run may be asked to scale or switch on, from the environment. */
export interface BenchSettings {
  /** Events in each store for the history rows ("1M"): BENCH_EVENTS, default 1,000,000. */
  events: number;
  /** Measured runs per figure, whose median is reported: BENCH_RUNS, default 3. */
  runs: number;
  /** Also run Emmett's projection rebuild (minutes at 1M): BENCH_EMMETT_REBUILD=1. */
  emmettRebuild: boolean;
  /**
   * Lintas group-commit settings, `<maxBatch>x<maxInFlight>[+<overlapAfterMs>]`: BENCH_GROUP_COMMIT;
   * the store's defaults when unset (and its overlap when only the first two are given).
   */
  groupCommit?: { maxBatch: number; maxInFlight: number; overlapAfterMs?: number };
}

/** Seeding appends whole streams of this many events at once, so the event count must divide by it. */
export const EVENTS_PER_SEED_APPEND = 100;

export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const events = positiveInteger(env, 'BENCH_EVENTS', 1_000_000);
  if (events % EVENTS_PER_SEED_APPEND !== 0) {
    throw new Error(`BENCH_EVENTS must be a multiple of ${EVENTS_PER_SEED_APPEND}, got ${events}`);
  }
  return {
    events,
    runs: positiveInteger(env, 'BENCH_RUNS', 3),
    emmettRebuild: env.BENCH_EMMETT_REBUILD === '1',
    ...groupCommit(env.BENCH_GROUP_COMMIT),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got '${text}'`);
  return value;
}

function groupCommit(text: string | undefined): Pick<BenchSettings, 'groupCommit'> {
  if (text === undefined || text === '') return {};
  const match = /^(\d+)x(\d+)(?:\+(\d+))?$/.exec(text);
  if (!match) {
    throw new Error(
      `BENCH_GROUP_COMMIT must read <maxBatch>x<maxInFlight>[+<overlapAfterMs>], e.g. 256x4+5, got '${text}'`,
    );
  }
  const [, maxBatch, maxInFlight, overlapAfterMs] = match;
  return {
    groupCommit: {
      maxBatch: Number(maxBatch),
      maxInFlight: Number(maxInFlight),
      ...(overlapAfterMs !== undefined && { overlapAfterMs: Number(overlapAfterMs) }),
    },
  };
}
