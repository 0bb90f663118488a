import type { Pool, PoolClient } from 'pg';
import type { PersonDescription } from '@lintas/person-matching/match-score';
import { percentile } from '../../harness/stats';
import type { RunPlan } from '../event-store/interleave';

type Log = (message: string) => void;

/** What one matcher does with one new pickup on PostgreSQL: the pairs it proposes (or the hits it returns). */
export type SqlMatcher = (probe: PersonDescription) => Promise<number>;

/** Each run's p50 and p99, for the latency rows, and its figures for the log. */
export interface SqlPlanFigures {
  p50s: number[];
  p99s: number[];
  /** Every pickup's latency of every run with its probe, for picking one to EXPLAIN. */
  timed: { probe: PersonDescription; ms: number }[];
}

/**
 * A plan that matches pickups one after another, each timed alone, on a slice of probes of its own
 * per run (`slices[0]` warms up, `slices[k]` is run k's): a system that writes each pickup (the
 * service path) never sees one twice. A system that only reads may repeat its slice until its
 * pickups have taken `minimumMs`, so that sub-millisecond lookups are timed over seconds too.
 */
export function sqlProbePlan(
  label: string,
  match: SqlMatcher,
  slices: readonly (readonly PersonDescription[])[],
  log: Log,
  options: {
    minimumMs?: number;
    /** Untimed, before each pickup: what is true of it before the matcher runs. */
    beforeEach?: (probe: PersonDescription) => Promise<void>;
    /** More for the run's log line. */
    afterRun?: () => string;
  } = {},
): { plan: RunPlan; figures: SqlPlanFigures } {
  const { minimumMs = 0, beforeEach, afterRun = () => '' } = options;
  const figures: SqlPlanFigures = { p50s: [], p99s: [], timed: [] };
  const pass = async (probes: readonly PersonDescription[]) => {
    const latencies: number[] = [];
    let proposed = 0;
    // The timed pickups only: what happens before each (beforeEach) is not the matcher's.
    let busyMs = 0;
    do {
      for (const probe of probes) {
        await beforeEach?.(probe);
        const begun = performance.now();
        proposed += await match(probe);
        const ms = performance.now() - begun;
        busyMs += ms;
        latencies.push(ms);
        if (latencies.length <= probes.length) figures.timed.push({ probe, ms });
      }
    } while (busyMs < minimumMs);
    return { latencies, proposed, busyMs };
  };
  let run = 0;
  const plan: RunPlan = {
    prepare: async () => {
      const { latencies, busyMs } = await pass(slice(slices, 0));
      figures.timed.length = 0;
      log(`${label}: warm-up, ${latencies.length} pickups in ${Math.round(busyMs)} ms ${afterRun()}`.trimEnd());
    },
    run: async () => {
      run += 1;
      const { latencies, proposed, busyMs } = await pass(slice(slices, run));
      // One pickup at a time: the rate is what the matcher sustains, the pickups over their summed time.
      const rate = latencies.length / (busyMs / 1_000);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      figures.p50s.push(p50);
      figures.p99s.push(p99);
      log(
        `${label}: ${latencies.length} pickups, ${rate.toFixed(1)} pickups/s, p50 ${p50.toFixed(3)} ms, ` +
          `p99 ${p99.toFixed(3)} ms, max ${Math.max(...latencies).toFixed(1)} ms, ` +
          `${(proposed / latencies.length).toFixed(2)} per pickup ${afterRun()}`.trimEnd(),
      );
      return rate;
    },
    runs: slices.length - 1,
  };
  return { plan, figures };
}

function slice<T>(slices: readonly T[], index: number): T {
  const found = slices[index];
  if (found === undefined) throw new Error(`no slice of probes for run ${index}`);
  return found;
}

/** One statement a client was given, and how long it took. */
export interface Statement {
  text: string;
  values: unknown[] | undefined;
  ms: number;
}

/**
 * The client (or pool) as it is, except that every `query(text, values)` it is given is handed to
 * `seen` with its duration: what a MatchIndex method or the key store sent, to time and to EXPLAIN,
 * without copying its SQL.
 */
export function watched<T extends Pick<PoolClient, 'query'>>(target: T, seen: (statement: Statement) => void): T {
  const query = async (text: string, values?: unknown[]) => {
    const begun = performance.now();
    try {
      return await target.query(text, values);
    } finally {
      seen({ text, values, ms: performance.now() - begun });
    }
  };
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** The row estimates and total sizes (indexes included) of these tables, for the log. */
export async function tableSizes(pool: Pool, tables: readonly string[]): Promise<string> {
  const { rows } = await pool.query<{ name: string; rows: string; size: string }>(
    `SELECT t.name, c.reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
       FROM unnest($1::text[]) AS t(name) JOIN pg_class c ON c.oid = to_regclass(t.name)`,
    [tables],
  );
  return rows.map((row) => `${row.name} ${row.rows} rows ${row.size}`).join(', ');
}

/** After a load: statistics for the planner and a visibility map, as autovacuum would leave them. */
export async function vacuumAnalyze(pool: Pool, tables: readonly string[]): Promise<void> {
  for (const table of tables) await pool.query(`VACUUM (ANALYZE) ${table}`);
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, in a transaction rolled back; the plan's lines. */
export async function explainAnalyze(client: PoolClient, statement: Pick<Statement, 'text' | 'values'>) {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      statement.values,
    );
    return rows.map((row) => row['QUERY PLAN']);
  } finally {
    await client.query('ROLLBACK');
  }
}
