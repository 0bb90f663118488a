import { nameTokens, soundKey } from './indonesian-names';
import type { PersonDescription } from './person-description';

/**
 * Candidate selection ("blocking") for the tracing matcher: scoreMatch is too slow to run against
 * every open record (about 10 µs a pair, a second for 100,000), so each description gets a few
 * keys and only records sharing a key with it are scored. The rule is kept simple enough to run as
 * one SQL statement over keys stored as HMACs, each with its weight beside it:
 *
 *   candidates = records sharing at least one key with the probe, ranked by the sum of the weights
 *   of the keys they share (each key counted once), ties broken by id in byte order
 *   (COLLATE "C"), the first `limit` of them.
 *
 * The keys of a description:
 *
 * - `nik:<16 digits>`, weight 100: outweighs whatever else two descriptions can share.
 * - `name:<sound key>` for each word of its names that says something of the person (not an
 *   initial, a Balinese I/Ni, a Batak br./boru, a placeholder such as Mr X or Tanpa Nama), weight 2.
 *   The sound key (indonesian-names.ts) already hears old spellings and most written forms alike.
 * - `name@<province>:<sound key>`, the same word within the province of its region code, weight 1:
 *   among thousands of women called Siti, those of the same province come first.
 * - `place:<kabupaten>`, weight 1: where last seen, or found. It is what finds a candidate for a
 *   person found without a name (a fifth of them in the generated population), and it puts the
 *   namesakes of the same kabupaten before those of elsewhere.
 *
 * So a shared name and place (2 + 1 + 1) comes before a shared name alone (2), which comes before
 * a shared place alone (1). A second key per word that forgives a one-letter typo (the consonant
 * skeleton, or the first and last three letters of the sound key) was measured on the generated
 * population (population/evaluate.ts) and kept under 1% more of the true pairs that score above
 * the threshold, at twice the name keys: left out.
 */

export const DEFAULT_CANDIDATE_LIMIT = 200;

export type BlockingKeyKind = 'nik' | 'name' | 'name-in-province' | 'place';

export const BLOCKING_KEY_WEIGHTS: Readonly<Record<BlockingKeyKind, number>> = {
  nik: 100,
  name: 2,
  'name-in-province': 1,
  place: 1,
};

// Words that name nobody: Balinese and Batak particles, and what unidentified persons are registered as.
const UNINFORMATIVE = new Set(
  'i ni br boru mr mrs miss x orang tak tidak dikenal diketahui tanpa nama identitas otd anonim'.split(' '),
);

/** The keys a description is found by, each once, in a stable order. */
export function blockingKeys(description: PersonDescription): string[] {
  const keys: string[] = [];
  const nik = description.nik?.replace(/[\s.-]/g, '');
  if (nik && /^\d{16}$/.test(nik)) keys.push(`nik:${nik}`);
  const sounds = new Set(
    description.names
      .flatMap((name) => nameTokens(name))
      .filter((token) => token.length > 1 && !/\d/.test(token) && !UNINFORMATIVE.has(token))
      .map(soundKey),
  );
  const region = description.regionCode?.trim() ?? '';
  const province = /^\d{2}/.test(region) ? region.slice(0, 2) : undefined;
  for (const sound of sounds) keys.push(`name:${sound}`);
  if (province) for (const sound of sounds) keys.push(`name@${province}:${sound}`);
  if (/^\d{4}/.test(region)) keys.push(`place:${region.slice(0, 4)}`);
  return keys;
}

export function blockingKeyKind(key: string): BlockingKeyKind {
  if (key.startsWith('nik:')) return 'nik';
  if (key.startsWith('name:')) return 'name';
  if (key.startsWith('name@')) return 'name-in-province';
  if (key.startsWith('place:')) return 'place';
  throw new Error(`not a blocking key: ${key.split(':')[0]}`);
}

export function blockingKeyWeight(key: string): number {
  return BLOCKING_KEY_WEIGHTS[blockingKeyKind(key)];
}

/** What selectCandidates needs of an index: the records stored under a key. */
export interface KeyPostings {
  recordsWith(key: string): Iterable<string>;
}

export interface Candidate {
  id: string;
  /** The summed weights of the keys it shares with the probe. */
  weight: number;
}

/** The records sharing a key with the probe, the heaviest shared weight first, ties by id; at most `limit`. */
export function selectCandidates(
  probeKeys: readonly string[],
  index: KeyPostings,
  limit: number = DEFAULT_CANDIDATE_LIMIT,
): Candidate[] {
  const weights = new Map<string, number>();
  for (const key of new Set(probeKeys)) {
    const weight = blockingKeyWeight(key);
    for (const id of index.recordsWith(key)) weights.set(id, (weights.get(id) ?? 0) + weight);
  }
  const ranked = [...weights].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return ranked.slice(0, Math.max(0, limit)).map(([id, weight]) => ({ id, weight }));
}

/** Open records by their blocking keys, in memory: the rule the service runs in SQL, for tests and measurement. */
export class CandidateIndex implements KeyPostings {
  private readonly postings = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, readonly string[]>();

  get size(): number {
    return this.keysOf.size;
  }

  /** Stores a record under its keys; a record stored before is replaced. */
  add(id: string, keys: readonly string[]): void {
    this.remove(id);
    const unique = [...new Set(keys)];
    for (const key of unique) {
      blockingKeyKind(key);
      let ids = this.postings.get(key);
      if (!ids) this.postings.set(key, (ids = new Set()));
      ids.add(id);
    }
    this.keysOf.set(id, unique);
  }

  /** Takes a record out (matched, closed, erased); false when it was not there. */
  remove(id: string): boolean {
    const keys = this.keysOf.get(id);
    if (!keys) return false;
    for (const key of keys) {
      const ids = this.postings.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(key);
    }
    this.keysOf.delete(id);
    return true;
  }

  recordsWith(key: string): Iterable<string> {
    return this.postings.get(key) ?? [];
  }

  candidates(probeKeys: readonly string[], limit: number = DEFAULT_CANDIDATE_LIMIT): Candidate[] {
    return selectCandidates(probeKeys, this, limit);
  }
}
