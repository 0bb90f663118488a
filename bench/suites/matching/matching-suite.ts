import { DEFAULT_CANDIDATE_LIMIT } from '@lintas/person-matching/blocking';
import { generatePopulation } from '@lintas/person-matching/population/generate';
import type { ResultRow } from '../../harness/result-row';
import { readSettings } from '../../harness/settings';
import { median } from '../../harness/stats';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { interleave } from '../event-store/interleave';
import { exactLookupMatcher, fullScanMatcher, lintasMatcher, probePlan } from './matching-plans';

/** Open tracing requests a pickup is matched against: `BENCH_MATCHING_RECORDS`. */
const RECORDS = Number(process.env.BENCH_MATCHING_RECORDS ?? 100_000);
/** New pickups per run for Lintas and raw: `BENCH_MATCHING_PROBES`. */
const PROBES = Number(process.env.BENCH_MATCHING_PROBES ?? 1_000);
/** Pickups per run for the full scan, about a second each at 100,000: `BENCH_MATCHING_SCAN_PROBES`. */
const SCAN_PROBES = Number(process.env.BENCH_MATCHING_SCAN_PROBES ?? 10);
/** A pass of map lookups takes milliseconds: repeated for at least this long per run. */
const MINIMUM_RUN_MS = 2_000;
const PEER = 'full scan: scoreMatch against every open record';

/**
 * The tracing matcher's cost for one new pickup against many open tracing requests, in memory, on
 * one core: neither PostgreSQL nor Kafka takes part (run.ts provisions them for the other suites).
 * The records and pickups are the generated population of libs/person-matching/src/population
 * (its default seed), so about a third of the pickups are someone's missing relative. Lintas:
 * blocking keys, the CandidateIndex's candidates (the rule the service runs in SQL), scoreMatch
 * on each. Raw: equal normalised name or NIK, two Map lookups, nothing scored (the ceiling). Peer
 * (emmett column): scoreMatch against every record, what matching without blocking costs.
 */
export const matchingSuite: BenchSuite = {
  name: 'matching',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { runs } = readSettings(process.env);
    const { log } = context;
    const started = performance.now();
    const population = generatePopulation({ requests: RECORDS, found: PROBES });
    const records = population.requests.map(({ id, sought }) => ({ id, description: sought }));
    const probes = population.found.map(({ description }) => description);
    log(
      `matching: ${records.length} open records, ${probes.length} pickups in ${Math.round(performance.now() - started)} ms`,
    );

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
    const label = countLabel(records.length);
    const rows: (ResultRow & { peer: string })[] = [
      {
        metric: `match pickup vs ${label} open`,
        unit: 'pickups/s',
        lintas: rates.lintas,
        raw: rates.raw,
        emmett: rates.emmett,
        peer: PEER,
      },
      {
        metric: `match pickup vs ${label} open p99`,
        unit: 'ms',
        lintas: median(lintas.p99s),
        raw: median(raw.p99s),
        emmett: median(peer.p99s),
        peer: PEER,
      },
    ];
    return rows;
  },
};

function countLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}
