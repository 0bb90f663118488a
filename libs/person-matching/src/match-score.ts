import { compareNames, type NameAgreement } from './indonesian-names';

/**
 * One side of a possible match: what a tracing request says of the missing relative, or what the
 * services know of a person found (unidentified or unconfirmed). Any field may be unknown.
 */
export interface PersonDescription {
  /** The names it goes by, each as written (with honorifics, old spellings, in any order). */
  names: readonly string[];
  nik?: string;
  sex?: 'male' | 'female';
  /** Known birth date (ISO), or else an age range (a stated age, an apparent one). */
  birthDate?: string;
  ageRange?: { min: number; max: number };
  /** Kemendagri region code of where they were last seen or found (kab/kota 4 digits, province 2). */
  regionCode?: string;
  /** When they were last seen (a tracing request) or found (a person found), ISO. */
  at?: string;
  /** Distinguishing marks, as words (scars, tattoos, a limp). */
  marks?: readonly string[];
}

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
 * For each level, how often a true match shows it (m) and how often two different persons do (u).
 * Starting estimates (Fellegi–Sunter): to be re-estimated from reviewers' confirmations and
 * rejections once there are enough of them.
 */
const LEVELS: Record<MatchField, Record<string, { m: number; u: number }>> = {
  nik: { equal: { m: 0.95, u: 1e-7 }, different: { m: 0.05, u: 1 } },
  name: {
    same: { m: 0.55, u: 0.002 },
    alike: { m: 0.2, u: 0.004 },
    contained: { m: 0.12, u: 0.01 },
    'one-name-shared': { m: 0.08, u: 0.06 },
    different: { m: 0.05, u: 0.924 },
  },
  sex: { agree: { m: 0.98, u: 0.5 }, disagree: { m: 0.02, u: 0.5 } },
  age: { within: { m: 0.85, u: 0.25 }, near: { m: 0.12, u: 0.25 }, far: { m: 0.03, u: 0.5 } },
  region: {
    'same-kabupaten': { m: 0.6, u: 0.02 },
    'same-province': { m: 0.3, u: 0.1 },
    elsewhere: { m: 0.1, u: 0.88 },
  },
  // u: two unrelated dates a few years apart at most (requests stay open for years): half the
  // time the one found comes first, about 1 in 50 within the month after (1/12 of a year over 4).
  time: {
    'within-a-month': { m: 0.5, u: 0.02 },
    'within-a-year': { m: 0.38, u: 0.2 },
    later: { m: 0.11, u: 0.28 },
    'found-before-lost': { m: 0.01, u: 0.5 },
  },
  marks: { shared: { m: 0.5, u: 0.05 }, some: { m: 0.3, u: 0.2 }, none: { m: 0.2, u: 0.75 } },
};

/** One in a thousand pairs that reach the matcher is a true match, until decisions tell better. */
export const DEFAULT_PRIOR = 0.001;

/**
 * How likely a tracing request and a person found are one person: each field's evidence, combined
 * as independent likelihood ratios with the prior (a probability, not a rank against the best
 * candidate: a lone weak candidate stays weak). Unknown fields say nothing either way.
 */
export function scoreMatch(
  sought: PersonDescription,
  found: PersonDescription,
  prior: number = DEFAULT_PRIOR,
): MatchScore {
  const evidence = [
    nikEvidence(sought, found),
    nameEvidence(sought, found),
    sought.sex && found.sex ? level('sex', sought.sex === found.sex ? 'agree' : 'disagree') : undefined,
    ageEvidence(sought, found),
    regionEvidence(sought, found),
    timeEvidence(sought, found),
    marksEvidence(sought, found),
  ].filter((e): e is Evidence => e !== undefined);
  const logOdds = Math.log10(prior / (1 - prior)) + evidence.reduce((sum, e) => sum + e.weight, 0);
  const odds = 10 ** logOdds;
  return {
    probability: odds === Infinity ? 1 : odds / (1 + odds),
    evidence: evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
  };
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

/** The age range one side gives at a moment: from the birth date where known. */
function ageAt(person: PersonDescription, at: Date): { min: number; max: number } | undefined {
  if (person.birthDate) {
    const age = Math.floor((at.getTime() - new Date(person.birthDate).getTime()) / YEAR_MS);
    return { min: age, max: age };
  }
  return person.ageRange;
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
