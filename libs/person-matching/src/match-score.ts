import { DEFAULT_CANDIDATE_LIMIT } from './blocking';
import { compareNames, type NameAgreement } from './indonesian-names';
import type { PersonDescription } from './person-description';

export type { PersonDescription } from './person-description';

export type MatchField = 'nik' | 'name' | 'sex' | 'age' | 'region' | 'time' | 'marks';

/** What one field says: its level of agreement and how much it moves the odds (log10 of m/u). */
export interface Evidence {
  field: MatchField;
  level: string;
  weight: number;
}

export interface MatchScore {
  /** The probability that both describe one person, given the prior and the evidence. */
  probability: number;
  /** Each field's evidence, the weightiest first: the reasons a reviewer reads. */
  evidence: Evidence[];
}

/**
 * For each level, how often a true match shows it (m) and how often two different persons among
 * the candidates do (u), Fellegi–Sunter. Blocking has already chosen the candidates for what they
 * share (a name's sound, a province, a kabupaten), so u is the rate among candidate pairs, not
 * among all pairs: otherwise what blocking selected on would be counted again as evidence (a
 * shared name is rare among all pairs, common among the candidates; measured, the old rates put
 * pairs at 0.3 of which under 0.1 were one person).
 *
 * - m: starting estimates (judgement, not measured), to be re-estimated from reviewers'
 *   confirmations once there are enough of them.
 * - u: the share of each level among the candidate pairs of a generated population
 *   (population/generate.ts, seed DEFAULT_POPULATION_SEED + 1, 20,000 open requests, 5,000
 *   persons found; `npx tsx scripts/evaluate-matching.ts --estimate-u`), unlabeled: nearly all
 *   candidate pairs are two different persons (under 0.2%), so no truth is read. The rates depend
 *   on how many records are open (with more, the candidates share more of the name: `same` is
 *   0.15 of them at 5,000 open requests, 0.38 at 100,000), so 20,000 sits between the
 *   evaluation's 5,000 and the bench's 100,000. In production, to be re-estimated from the
 *   service's own candidate pairs (estimateU, no decision needed) as the index grows.
 * - NIK: a different person among the candidates shares the NIK no more often than among all
 *   pairs (blocking brings a pair in by its NIK only when it is the same), so its u stays a
 *   data error's rate; none was seen among the generated candidates.
 */
const LEVELS: Record<MatchField, Record<string, { m: number; u: number }>> = {
  nik: { equal: { m: 0.95, u: 1e-7 }, different: { m: 0.05, u: 1 } },
  name: {
    same: { m: 0.55, u: 0.22 },
    alike: { m: 0.2, u: 0.0072 },
    contained: { m: 0.12, u: 0.24 },
    'one-name-shared': { m: 0.08, u: 0.31 },
    different: { m: 0.05, u: 0.23 },
  },
  sex: { agree: { m: 0.98, u: 0.78 }, disagree: { m: 0.02, u: 0.22 } },
  age: { within: { m: 0.85, u: 0.16 }, near: { m: 0.12, u: 0.11 }, far: { m: 0.03, u: 0.73 } },
  region: {
    'same-kabupaten': { m: 0.6, u: 0.34 },
    'same-province': { m: 0.3, u: 0.19 },
    elsewhere: { m: 0.1, u: 0.47 },
  },
  time: {
    'within-a-month': { m: 0.5, u: 0.012 },
    'within-a-year': { m: 0.38, u: 0.11 },
    later: { m: 0.11, u: 0.4 },
    'found-before-lost': { m: 0.01, u: 0.48 },
  },
  marks: { shared: { m: 0.5, u: 0.018 }, some: { m: 0.3, u: 0.25 }, none: { m: 0.2, u: 0.73 } },
};

/**
 * How many true partners a new record has among its candidates, on average: the share of persons
 * found who are someone's missing relative (0.3 in the generated population; a running service
 * learns it as the share of pickups that end in a confirmed match). Spread evenly over the
 * candidates, it is the prior of each pair (candidatePrior). It counts partners blocking misses
 * too, so it errs towards more proposals. A new request probing the persons found has its own
 * share (the requests whose relative has been found): the same here, where both sides are as
 * many; in production to be estimated per side.
 */
export const EXPECTED_MATCHES_PER_PROBE = 0.3;

/** The prior of one candidate pair when the probe got `candidates` of them (at least one: this pair). */
export function candidatePrior(candidates: number): number {
  return Math.min(EXPECTED_MATCHES_PER_PROBE / Math.max(1, candidates), 0.5);
}

/** The prior when the number of candidates is not given: a full candidate list, what a large index gives. */
export const DEFAULT_PRIOR = candidatePrior(DEFAULT_CANDIDATE_LIMIT);

/** What scoreMatch knows of the pair's place among the probe's candidates. */
export interface MatchContext {
  /** How many candidates the probe got (the list this pair is one of). */
  candidates: number;
}

/**
 * How likely a tracing request and a person found are one person: each field's evidence, combined
 * as independent likelihood ratios with the prior (a probability, not a rank against the best
 * candidate: the best of weak candidates stays weak). Unknown fields say nothing either way.
 *
 * The prior: `{ candidates }` (what the service passes: the size of the probe's candidate list)
 * gives candidatePrior; a number is the prior of the pair itself; neither gives DEFAULT_PRIOR.
 */
export function scoreMatch(
  sought: PersonDescription,
  found: PersonDescription,
  context: MatchContext | number = DEFAULT_PRIOR,
): MatchScore {
  const prior = typeof context === 'number' ? context : candidatePrior(context.candidates);
  const evidence = matchEvidence(sought, found);
  const logOdds = Math.log10(prior / (1 - prior)) + evidence.reduce((sum, e) => sum + e.weight, 0);
  const odds = 10 ** logOdds;
  return {
    probability: odds === Infinity ? 1 : odds / (1 + odds),
    evidence: evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
  };
}

/** Each field's level of agreement and weight, in field order; the fields either side does not know left out. */
export function matchEvidence(sought: PersonDescription, found: PersonDescription): Evidence[] {
  return [
    nikEvidence(sought, found),
    nameEvidence(sought, found),
    sought.sex && found.sex ? level('sex', sought.sex === found.sex ? 'agree' : 'disagree') : undefined,
    ageEvidence(sought, found),
    regionEvidence(sought, found),
    timeEvidence(sought, found),
    marksEvidence(sought, found),
  ].filter((e): e is Evidence => e !== undefined);
}

/**
 * The u of each level, as the share of the pairs showing it among candidate pairs (the field
 * left out where either side does not know it): how the u of LEVELS were estimated, and how a
 * service re-estimates them from its own candidate pairs, unlabeled. The few true pairs among
 * them raise the u of the strongest levels a little (the NIK's most: keep its u as it is).
 */
export function estimateU(
  pairs: Iterable<readonly [sought: PersonDescription, found: PersonDescription]>,
): Record<MatchField, Record<string, number>> {
  const counts = Object.fromEntries(
    Object.entries(LEVELS).map(([field, levels]) => [
      field,
      Object.fromEntries(Object.keys(levels).map((l) => [l, 0])),
    ]),
  ) as Record<MatchField, Record<string, number>>;
  for (const [sought, found] of pairs) {
    for (const { field, level: name } of matchEvidence(sought, found))
      counts[field][name] = (counts[field][name] ?? 0) + 1;
  }
  for (const levels of Object.values(counts)) {
    const total = Object.values(levels).reduce((sum, count) => sum + count, 0);
    for (const name of Object.keys(levels)) levels[name] = total === 0 ? 0 : (levels[name] ?? 0) / total;
  }
  return counts;
}

function level(field: MatchField, name: string): Evidence {
  const { m, u } = LEVELS[field][name] ?? { m: 1, u: 1 };
  return { field, level: name, weight: Math.log10(m / u) };
}

function nikEvidence(a: PersonDescription, b: PersonDescription): Evidence | undefined {
  if (!a.nik || !b.nik) return undefined;
  return level('nik', a.nik === b.nik ? 'equal' : 'different');
}

/** The best agreement between any name of one and any of the other. */
function nameEvidence(a: PersonDescription, b: PersonDescription): Evidence | undefined {
  const rank: NameAgreement[] = ['same', 'alike', 'contained', 'one-name-shared', 'different'];
  let best: NameAgreement | undefined;
  for (const x of a.names) {
    for (const y of b.names) {
      const { agreement } = compareNames(x, y);
      if (agreement === 'unknown') continue;
      if (best === undefined || rank.indexOf(agreement) < rank.indexOf(best)) best = agreement;
    }
  }
  return best && level('name', best);
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * The age range one side gives at a moment: from the birth date where known, else its range as
 * stated when the description was made (last seen, found), grown by the years since. An age in
 * whole years covers the year that follows it (40 is 40.0 to 40.99), hence floor and ceiling.
 */
function ageAt(person: PersonDescription, at: Date): { min: number; max: number } | undefined {
  if (person.birthDate) {
    const age = Math.floor((at.getTime() - new Date(person.birthDate).getTime()) / YEAR_MS);
    return { min: age, max: age };
  }
  if (!person.ageRange || !person.at) return person.ageRange;
  const years = (at.getTime() - new Date(person.at).getTime()) / YEAR_MS;
  if (!Number.isFinite(years) || years === 0) return person.ageRange;
  return { min: Math.floor(person.ageRange.min + years), max: Math.ceil(person.ageRange.max + years) };
}

function ageEvidence(sought: PersonDescription, found: PersonDescription): Evidence | undefined {
  const when = new Date(found.at ?? Date.now());
  // The sought person has aged since they were last seen: compare at the time they were found.
  const soughtAge = ageAt(sought, when);
  const foundAge = ageAt(found, when);
  if (!soughtAge || !foundAge) return undefined;
  const gap = Math.max(0, soughtAge.min - foundAge.max, foundAge.min - soughtAge.max);
  return level('age', gap === 0 ? 'within' : gap <= 5 ? 'near' : 'far');
}

function regionEvidence(sought: PersonDescription, found: PersonDescription): Evidence | undefined {
  const [a, b] = [sought.regionCode, found.regionCode];
  if (!a || !b) return undefined;
  if (a.slice(0, 4) === b.slice(0, 4) && a.length >= 4 && b.length >= 4) return level('region', 'same-kabupaten');
  return level('region', a.slice(0, 2) === b.slice(0, 2) ? 'same-province' : 'elsewhere');
}

/** Found long after being last seen is less likely, not impossible; found before it, hardly. */
function timeEvidence(sought: PersonDescription, found: PersonDescription): Evidence | undefined {
  if (!sought.at || !found.at) return undefined;
  const days = (new Date(found.at).getTime() - new Date(sought.at).getTime()) / 86_400_000;
  if (days < -1) return level('time', 'found-before-lost');
  if (days <= 31) return level('time', 'within-a-month');
  return level('time', days <= 366 ? 'within-a-year' : 'later');
}

const MARK_STOPWORDS = new Set(['di', 'pada', 'dan', 'yang', 'bekas', 'ada', 'the', 'on', 'a', 'of', 'and']);

function marksEvidence(sought: PersonDescription, found: PersonDescription): Evidence | undefined {
  const words = (marks?: readonly string[]) =>
    new Set(
      (marks ?? [])
        .flatMap((mark) => mark.toLowerCase().split(/[^a-z0-9]+/))
        .filter((word) => word.length > 1 && !MARK_STOPWORDS.has(word)),
    );
  const a = words(sought.marks);
  const b = words(found.marks);
  if (a.size === 0 || b.size === 0) return undefined;
  const shared = [...a].filter((word) => b.has(word)).length;
  const jaccard = shared / (a.size + b.size - shared);
  return level('marks', jaccard >= 0.5 ? 'shared' : shared > 0 ? 'some' : 'none');
}
