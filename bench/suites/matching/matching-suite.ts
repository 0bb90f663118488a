import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DEFAULT_CANDIDATE_LIMIT } from '@lintas/person-matching/blocking';
import type { PersonDescription } from '@lintas/person-matching/match-score';
import { generatePopulation } from '@lintas/person-matching/population/generate';
import { benchPool } from '../../harness/bench-pool';
import { withFreshDatabase } from '../../harness/databases';
import { plainPgTypes } from '../../harness/pg-types';
import type { ResultRow } from '../../harness/result-row';
import { readSettings } from '../../harness/settings';
import { median } from '../../harness/stats';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { interleave } from '../event-store/interleave';
import { exactLookupMatcher, fullScanMatcher, lintasMatcher, probePlan, type OpenRecord } from './matching-plans';
import { ServicePath, type SoughtRecord } from './service-path';
import { plainExactLookup, trigramSearch, type SqlLookup } from './sql-peers';
import { explainAnalyze, sqlProbePlan, tableSizes, type SqlPlanFigures } from './sql-plan';

/** Open tracing requests a pickup is matched against: `BENCH_MATCHING_RECORDS`. */
const RECORDS = positive('BENCH_MATCHING_RECORDS', 100_000);
/** New pickups per run for the in-memory Lintas and raw rows: `BENCH_MATCHING_PROBES`. */
const PROBES = positive('BENCH_MATCHING_PROBES', 1_000);
/** Pickups per run for the full scan, about a second each at 100,000: `BENCH_MATCHING_SCAN_PROBES`. */
const SCAN_PROBES = positive('BENCH_MATCHING_SCAN_PROBES', 10);
/** New pickups per run for the PostgreSQL rows, each run its own (a fifth more warm up): `BENCH_MATCHING_SQL_PROBES`. */
const SQL_PROBES = positive('BENCH_MATCHING_SQL_PROBES', 300);
/** Transactions of `MatchIndex.put` at a time while loading the open requests: `BENCH_MATCHING_LOAD_CONCURRENCY`. */
const LOAD_CONCURRENCY = positive('BENCH_MATCHING_LOAD_CONCURRENCY', 4);
/** `memory` or `sql`: only those rows (`BENCH_MATCHING_ROWS`); unset, both. */
const ROWS = process.env.BENCH_MATCHING_ROWS ?? '';
/** A pass of map lookups takes milliseconds: repeated for at least this long per run. */
const MINIMUM_RUN_MS = 2_000;
const PEER = 'full scan: scoreMatch against every open record';
const SQL_PEER =
  'pg_trgm: similarity() over the names in the clear (GIN gin_trgm_ops, `%` at 0.3, most similar first, LIMIT 20), nothing sealed, nothing scored';
const SQL_PEER_FALLBACK = `${PEER} (in memory: this server has no pg_trgm)`;

type Row = ResultRow & { peer: string };

/**
 * The tracing matcher's cost for one new pickup against many open tracing requests. The records
 * and pickups are the generated population of libs/person-matching/src/population (its default
 * seed), so about a third of the pickups are someone's missing relative; built once and untimed.
 *
 * In memory, on one core (no server): Lintas is blocking keys, the CandidateIndex's candidates
 * (the rule the service runs in SQL), scoreMatch on each; raw is equal normalised name or NIK, two
 * Map lookups, nothing scored (the ceiling); the peer (emmett column) is scoreMatch against every
 * record, what matching without blocking costs.
 *
 * On PostgreSQL, in a fresh database: Lintas is the service's own path, intake's MatchIndex (sealed
 * descriptions, per-person keys, blind-index tokens, candidates by one statement) used as
 * TracingMatcher uses it; raw is one indexed lookup by normalised name or NIK in plain tables; the
 * peer is a pg_trgm similarity search over the names in the clear.
 */
export const matchingSuite: BenchSuite = {
  name: 'matching',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { runs } = readSettings(process.env);
    const { log } = context;
    if (!['', 'memory', 'sql'].includes(ROWS)) {
      throw new Error(`BENCH_MATCHING_ROWS must be memory or sql, got '${ROWS}'`);
    }
    const started = performance.now();
    // As many pickups as either kind of row needs, whichever runs, so that both see one population.
    const population = generatePopulation({
      requests: RECORDS,
      found: Math.max(PROBES, Math.ceil(SQL_PROBES / 5) + SQL_PROBES * runs),
    });
    const records = population.requests.map(({ id, sought }) => ({ id, description: sought }));
    const pickups = population.found.map(({ description }) => description);
    log(
      `matching: ${records.length} open records, ${pickups.length} pickups in ${Math.round(performance.now() - started)} ms`,
    );
    const label = countLabel(records.length);
    const memory = ROWS === 'sql' ? undefined : await inMemoryRows(records, pickups.slice(0, PROBES), runs, log);
    const sql = ROWS === 'memory' ? undefined : await postgresRows(context, records, pickups, runs, memory?.peer);
    return [
      ...(memory
        ? [
            row(`match pickup vs ${label} open`, 'pickups/s', memory.rates, PEER),
            row(`match pickup vs ${label} open p99`, 'ms', memory.p99s, PEER),
          ]
        : []),
      ...(sql
        ? [
            row(`match pickup vs ${label} open, service path`, 'pickups/s', sql.rates, sql.peer),
            row(`match pickup vs ${label} open, service path p50`, 'ms', sql.p50s, sql.peer),
            row(`match pickup vs ${label} open, service path p99`, 'ms', sql.p99s, sql.peer),
          ]
        : []),
    ];
  },
};

/** A row's three figures, in the order of its columns. */
type Figures = { lintas: number | null; raw: number | null; emmett: number | null };

interface RowFigures {
  rates: Figures;
  p50s: Figures;
  p99s: Figures;
}

function row(metric: string, unit: string, figures: Figures, peer: string): Row {
  return { metric, unit, ...figures, peer };
}

async function inMemoryRows(
  records: readonly OpenRecord[],
  probes: readonly PersonDescription[],
  runs: number,
  log: (message: string) => void,
): Promise<RowFigures & { peer: { rate: number | null; p50: number; p99: number } }> {
  const lintas = probePlan(
    'lintas blocking + scoreMatch',
    lintasMatcher(records, DEFAULT_CANDIDATE_LIMIT, log),
    probes,
    runs,
    0,
    log,
  );
  const raw = probePlan('raw exact name/NIK lookup', exactLookupMatcher(records), probes, runs, MINIMUM_RUN_MS, log);
  const peer = probePlan('peer full scan', fullScanMatcher(records), probes.slice(0, SCAN_PROBES), runs, 0, log);
  const rates = await interleave({ lintas: lintas.plan, raw: raw.plan, emmett: peer.plan }, log);
  const p50s = { lintas: median(lintas.p50s), raw: median(raw.p50s), emmett: median(peer.p50s) };
  const p99s = { lintas: median(lintas.p99s), raw: median(raw.p99s), emmett: median(peer.p99s) };
  return { rates, p50s, p99s, peer: { rate: rates.emmett, p50: p50s.emmett, p99: p99s.emmett } };
}

/**
 * The service path beside plain SQL and pg_trgm, on one fresh database: the open requests loaded
 * into each (logged, untimed), then `SQL_PROBES` new pickups per run, each run its own pickups.
 */
async function postgresRows(
  context: BenchContext,
  openRecords: readonly OpenRecord[],
  pickups: readonly PersonDescription[],
  runs: number,
  fallbackPeer: { rate: number | null; p50: number; p99: number } | undefined,
): Promise<RowFigures & { peer: string }> {
  const { log } = context;
  const records: SoughtRecord[] = openRecords.map(({ id, description }) => ({
    personId: uuidOf(`person sought in ${id}`),
    tracingRequestId: uuidOf(`tracing request ${id}`),
    description,
  }));
  // The warm-up's slice first (a fifth of a run's), then each run's.
  const warmUp = Math.ceil(SQL_PROBES / 5);
  const slices = [
    pickups.slice(0, warmUp),
    ...Array.from({ length: runs }, (_, i) => pickups.slice(warmUp + i * SQL_PROBES, warmUp + (i + 1) * SQL_PROBES)),
  ];
  const personIds = new Map(slices.flat().map((probe, i) => [probe, uuidOf(`person found ${i}`)]));

  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    // Loading holds a connection per transaction, and the key store reads keys on another of its own.
    const pool = benchPool({ connectionString: databaseUrl, max: 2 * LOAD_CONCURRENCY, types: plainPgTypes });
    const service = await ServicePath.open(pool, personIds);
    try {
      const { keysMs, putsMs } = await service.load(records, LOAD_CONCURRENCY, log);
      log(
        `lintas load: ${records.length} persons' keys in ${(keysMs / 1_000).toFixed(1)} s, then their open ` +
          `requests through MatchIndex.put, ${LOAD_CONCURRENCY} transactions of 50 at a time, in ` +
          `${(putsMs / 1_000).toFixed(1)} s (${Math.round(records.length / (putsMs / 1_000))}/s)`,
      );
      await service.analyze();
      log(`lintas tables: ${await service.sizes()}`);
      let began = performance.now();
      const raw = await plainExactLookup(pool, records);
      log(`raw load: plain tables in ${Math.round(performance.now() - began)} ms`);
      log(`raw tables: ${await tableSizes(pool, ['plain.tracing_requests', 'plain.request_names'])}`);
      began = performance.now();
      const trigrams = await trigramSearch(pool, records, log);
      if (trigrams) {
        log(`peer load: pg_trgm table and GIN index in ${Math.round(performance.now() - began)} ms`);
        log(`peer tables: ${await tableSizes(pool, ['trgm.request_names'])}`);
      }

      await checkpoint(pool, log);

      const lintas = sqlProbePlan('lintas service path', service.match, slices, log, {
        beforeEach: (probe) => service.pickupReported(probe),
        afterRun: () => service.stagesSinceLast(),
      });
      const plain = sqlProbePlan('raw plain SQL exact name/NIK', raw.match, slices, log, { minimumMs: MINIMUM_RUN_MS });
      const peer = trigrams
        ? sqlProbePlan('peer pg_trgm', trigrams.match, slices, log, { minimumMs: MINIMUM_RUN_MS })
        : undefined;
      const rates = await interleave({ lintas: lintas.plan, raw: plain.plan, emmett: peer?.plan ?? null }, log);

      await logPlans(pool, service, raw, trigrams, plain.figures, peer?.figures, log);

      const figure = (figures: SqlPlanFigures | undefined, fallback: number | undefined, of: 'p50s' | 'p99s') =>
        figures ? median(figures[of]) : (fallback ?? null);
      return {
        rates: { ...rates, emmett: peer ? rates.emmett : (fallbackPeer?.rate ?? null) },
        p50s: {
          lintas: median(lintas.figures.p50s),
          raw: median(plain.figures.p50s),
          emmett: figure(peer?.figures, fallbackPeer?.p50, 'p50s'),
        },
        p99s: {
          lintas: median(lintas.figures.p99s),
          raw: median(plain.figures.p99s),
          emmett: figure(peer?.figures, fallbackPeer?.p99, 'p99s'),
        },
        peer: trigrams ? SQL_PEER : SQL_PEER_FALLBACK,
      };
    } finally {
      await service.close();
      await pool.end();
    }
  });
}

/**
 * The plans of the statements the log shows (EXPLAIN ANALYZE, run again after the runs): the
 * service path's candidates statement for the pickup at the median of its time and for its slowest,
 * the plain lookup's slowest pickup and the trigram search's.
 */
async function logPlans(
  pool: Pool,
  service: ServicePath,
  raw: SqlLookup,
  trigrams: SqlLookup | undefined,
  rawFigures: SqlPlanFigures,
  peerFigures: SqlPlanFigures | undefined,
  log: (message: string) => void,
): Promise<void> {
  const show = (what: string, plan: readonly string[]) => log(`EXPLAIN ANALYZE, ${what}:\n  ${plan.join('\n  ')}`);
  const bySql = [...service.candidatesSql].sort((a, b) => a.ms - b.ms);
  const typical = bySql[Math.floor(bySql.length / 2)];
  const worst = bySql.at(-1);
  if (typical) {
    show(`lintas candidates, median (${typical.ms.toFixed(1)} ms)`, await service.explainCandidates(typical.probe));
  }
  if (worst)
    show(`lintas candidates, slowest (${worst.ms.toFixed(1)} ms)`, await service.explainCandidates(worst.probe));
  const connection = await pool.connect();
  try {
    const lookups: [string, SqlLookup | undefined, SqlPlanFigures | undefined][] = [
      ['raw lookup', raw, rawFigures],
      ['peer pg_trgm', trigrams, peerFigures],
    ];
    for (const [name, lookup, figures] of lookups) {
      const slowest = figures?.timed.reduce((a, b) => (a.ms >= b.ms ? a : b));
      if (lookup && slowest) {
        show(
          `${name}, slowest (${slowest.ms.toFixed(1)} ms)`,
          await explainAnalyze(connection, lookup.statement(slowest.probe)),
        );
      }
    }
  } finally {
    connection.release();
  }
}

/** The loads wrote a few hundred MB of WAL: written out now rather than by a checkpoint during the runs. */
async function checkpoint(pool: Pool, log: (message: string) => void): Promise<void> {
  try {
    await pool.query('CHECKPOINT');
  } catch (error) {
    log(`no CHECKPOINT after the loads (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A UUID that one text always gives: the same ids (and ties broken by id) in every run. */
function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

function countLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}
