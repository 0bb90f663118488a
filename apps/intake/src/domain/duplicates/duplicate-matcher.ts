import { type Sex } from '../identity/identity';
import { normaliseNik } from '../identity/nik-check';
import { kabKotaOf } from '../regions/region-directory';
import { bestNameSimilarity, NAME_SIMILARITY_THRESHOLD } from '@lintas/person-matching/name-similarity';

/** What the matcher knows of a person: only what it compares. */
export interface PersonProfile {
  personId: string;
  nik: string | null;
  /** Name and aliases, and for an unidentified person the names they gave. */
  names: readonly string[];
  birthYear: number | null;
  sex: Sex | null;
  /** Region codes tied to the person (origin, where found); compared at kabupaten/kota level. */
  regionCodes: readonly string[];
}

/** Why a person is proposed: what the two have in common, or (`different-nik`) what speaks against it. */
export const DUPLICATE_REASONS = [
  'same-nik',
  'similar-name',
  'same-birth-year',
  'same-region',
  'different-nik',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateCandidate {
  personId: string;
  /** 1 for the same NIK; below 0.9 for a name match, halved when both have a different NIK. */
  score: number;
  strength: 'strong' | 'possible';
  reasons: DuplicateReason[];
}

export { NAME_SIMILARITY_THRESHOLD };

/**
 * Earlier persons who may be the subject (a re-pickup of a known person, docs/domain.md "Variants"): the same NIK
 * is a strong candidate; a close name with the same birth year and region, and not the other sex, a
 * possible one. Only a proposal: a worker links or rejects it. Best first.
 */
export function candidatesAmong(subject: PersonProfile, earlier: readonly PersonProfile[]): DuplicateCandidate[] {
  return earlier
    .filter((other) => other.personId !== subject.personId)
    .map((other) => matchPersons(subject, other))
    .filter((candidate): candidate is DuplicateCandidate => candidate !== null)
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}

export function matchPersons(subject: PersonProfile, other: PersonProfile): DuplicateCandidate | null {
  const nikA = validNik(subject.nik);
  const nikB = validNik(other.nik);
  const similarity = bestNameSimilarity(subject.names, other.names);
  const sameBirthYear = subject.birthYear !== null && subject.birthYear === other.birthYear;
  const regionsA = new Set(subject.regionCodes.map(kabKotaOf));
  const sameRegion = other.regionCodes.some((code) => regionsA.has(kabKotaOf(code)));
  const supporting: DuplicateReason[] = [
    ...(similarity >= NAME_SIMILARITY_THRESHOLD ? (['similar-name'] as const) : []),
    ...(sameBirthYear ? (['same-birth-year'] as const) : []),
    ...(sameRegion ? (['same-region'] as const) : []),
  ];

  if (nikA && nikA === nikB) {
    return { personId: other.personId, score: 1, strength: 'strong', reasons: ['same-nik', ...supporting] };
  }
  // Yanto and Yanti are one letter apart: a name match between a man and a woman is no candidate.
  const differentSex = subject.sex !== null && other.sex !== null && subject.sex !== other.sex;
  if (supporting.length < 3 || differentSex) return null;
  // Two different NIKs speak against one person, but a NIK is a claim until confirmed, so the worker still sees it.
  const differentNik = nikA !== null && nikB !== null;
  const score = Math.round(similarity * 90 * (differentNik ? 0.5 : 1)) / 100;
  return {
    personId: other.personId,
    score,
    strength: 'possible',
    reasons: differentNik ? [...supporting, 'different-nik'] : supporting,
  };
}

function validNik(nik: string | null): string | null {
  if (nik === null) return null;
  const normalised = normaliseNik(nik);
  return /^\d{16}$/.test(normalised) ? normalised : null;
}
