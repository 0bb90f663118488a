import { blockingKeys, CandidateIndex } from '@lintas/person-matching/blocking';
import { nameTokens } from '@lintas/person-matching/indonesian-names';
import { scoreMatch, type PersonDescription } from '@lintas/person-matching/match-score';
import { PROPOSAL_THRESHOLD } from '@lintas/person-matching/population/evaluate';
import type { RunPlan } from '../event-store/interleave';
import { percentile } from '../../harness/stats';

type Log = (message: string) => void;

export interface OpenRecord {
  id: string;
  description: PersonDescription;
}

/** What one matcher does with one new pickup: the pairs it proposes. */
export type Matcher = (probe: PersonDescription) => number;

/**
 * A plan that matches the probes one after another (each a new pickup against all open records),
 * timing each; the run's figure is probes per second, and its p99 is kept for the latency row.
 * A pass shorter than `minimumMs` is repeated, so that microsecond lookups are timed steadily.
 */
export function probePlan(
  label: string,
  match: Matcher,
  probes: readonly PersonDescription[],
  runs: number,
  minimumMs: number,
  log: Log,
): { plan: RunPlan; p50s: number[]; p99s: number[] } {
  const p50s: number[] = [];
  const p99s: number[] = [];
  const pass = () => {
    const latencies: number[] = [];
    let proposed = 0;
    const started = performance.now();
    do {
      for (const probe of probes) {
        const begun = performance.now();
        proposed += match(probe);
        latencies.push(performance.now() - begun);
      }
    } while (performance.now() - started < minimumMs);
    return { latencies, proposed, elapsedMs: performance.now() - started };
  };
  const plan: RunPlan = {
    prepare: async () => void pass(),
    run: async () => {
      const { latencies, proposed, elapsedMs } = pass();
      const rate = latencies.length / (elapsedMs / 1_000);
      const p99 = percentile(latencies, 99);
      p50s.push(percentile(latencies, 50));
      p99s.push(p99);
      log(
        `${label}: ${latencies.length} pickups, ${rate.toFixed(1)} pickups/s, p99 ${p99.toFixed(3)} ms, ` +
          `${(proposed / latencies.length).toFixed(2)} proposals per pickup`,
      );
      return rate;
    },
    runs,
  };
  return { plan, p50s, p99s };
}

/** Lintas: the probe's blocking keys, its candidates from the index, scoreMatch on each. */
export function lintasMatcher(records: readonly OpenRecord[], limit: number, log: Log): Matcher {
  const started = performance.now();
  const index = new CandidateIndex();
  const byId = new Map<string, PersonDescription>();
  for (const { id, description } of records) {
    index.add(id, blockingKeys(description));
    byId.set(id, description);
  }
  log(`CandidateIndex of ${index.size} open records built in ${Math.round(performance.now() - started)} ms`);
  return (probe) => {
    let proposed = 0;
    const candidates = index.candidates(blockingKeys(probe), limit);
    for (const { id } of candidates) {
      const sought = byId.get(id);
      const context = { candidates: candidates.length };
      if (sought && scoreMatch(sought, probe, context).probability >= PROPOSAL_THRESHOLD) proposed += 1;
    }
    return proposed;
  };
}

/** Raw, the ceiling: the records whose normalised name or NIK equals one of the probe's, two Map lookups. */
export function exactLookupMatcher(records: readonly OpenRecord[]): Matcher {
  const byName = new Map<string, string[]>();
  const byNik = new Map<string, string[]>();
  const file = (map: Map<string, string[]>, key: string, id: string) => {
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };
  for (const { id, description } of records) {
    for (const name of normalisedNames(description)) file(byName, name, id);
    if (description.nik) file(byNik, description.nik, id);
  }
  return (probe) => {
    const hits = new Set<string>();
    for (const name of normalisedNames(probe)) for (const id of byName.get(name) ?? []) hits.add(id);
    for (const id of (probe.nik && byNik.get(probe.nik)) || []) hits.add(id);
    return hits.size;
  };
}

/** A description's names as the baseline matcher compares them (nameTokens, joined), each once, none empty. */
export function normalisedNames(description: PersonDescription): string[] {
  return [...new Set(description.names.map((name) => nameTokens(name).join(' ')))].filter((name) => name !== '');
}

/** The peer: no candidate selection, scoreMatch against every open record. */
export function fullScanMatcher(records: readonly OpenRecord[]): Matcher {
  return (probe) => {
    let proposed = 0;
    // Every record is a candidate here: the prior is spread over all of them.
    const context = { candidates: records.length };
    for (const { description } of records) {
      if (scoreMatch(description, probe, context).probability >= PROPOSAL_THRESHOLD) proposed += 1;
    }
    return proposed;
  };
}
