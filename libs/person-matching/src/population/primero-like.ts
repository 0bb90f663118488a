import type { PersonDescription } from '../match-score';

/**
 * Primero's case–trace matching, redone in process so that it can be measured beside Lintas on the
 * same population (Solr cannot run here). What Primero does (primeroIMS/primero,
 * app/services/matching_service.rb, app/models/concerns/searchable.rb, solr/…/schema.xml):
 *
 * - one Solr query per record, an OR of one full-text clause per field of its matching form, each
 *   clause with `minimum_match 1`, with fixed boosts: names (name, name_other, name_nickname) 15,
 *   sex 10, age 10, date_of_birth 5, fields without a boost (locations among them) 1;
 * - name fields are `text_phonetic`: standard tokenizer, lower case, Double Metaphone codes injected
 *   beside the words, norms omitted; other fields are plain `text` (standard tokenizer, lower case);
 * - the 20 best hits by score, each score divided by the best one, those above 0.1 kept
 *   (NORMALIZED_THRESHOLD); a hit is `likely` when it is alone or its normalised score exceeds the
 *   hits' average by more than 0.7 (LIKELIHOOD_THRESHOLD), else `possible`.
 *
 * Approximated here: Lucene's BM25 (k1 1.2, b 0.75) on single-valued fields, the three name fields
 * as one (their clauses are a disjunction-max, and names rarely hit in two), a word and its code as
 * one synonym term (Lucene's SynonymQuery: summed frequency, the larger document frequency), the
 * standard tokenizer as a split on anything not a letter or digit, and the primary Double Metaphone
 * code reduced to the rules Latin-script Indonesian names meet (below). Age is a text token, so it
 * matches only the same whole number: a trace's stated age against a case's estimated age. The
 * location is matched at kabupaten level with boost 1 (a default field, more generous than
 * Primero's separate last-seen and current location fields). NIK and distinguishing marks are not
 * among Primero's default matching fields and are left out; consent for tracing is not modelled.
 */

const BOOST = { names: 15, sex: 10, age: 10, dateOfBirth: 5, location: 1 } as const;
export const PRIMERO_TOP_HITS = 20;
export const PRIMERO_NORMALIZED_THRESHOLD = 0.1;
const LIKELIHOOD_THRESHOLD = 0.7;
const K1 = 1.2;

export interface PrimeroHit {
  id: string;
  /** The score divided by the best hit's. */
  normalized: number;
  likelihood: 'likely' | 'possible';
}

interface Field {
  /** term → (document → frequency) */
  postings: Map<string, Map<number, number>>;
  documents: number;
}

/** Records indexed as Primero's Solr core holds them: one document each, field by field. */
export class PrimeroLikeIndex {
  private readonly ids: string[] = [];
  private readonly names: Field = emptyField();
  private readonly codes: Field = emptyField();
  private readonly sex: Field = emptyField();
  private readonly age: Field = emptyField();
  private readonly dateOfBirth: Field = emptyField();
  private readonly location: Field = emptyField();

  constructor(records: readonly { id: string; description: PersonDescription }[]) {
    for (const { id, description } of records) {
      const doc = this.ids.push(id) - 1;
      const words = description.names.flatMap(tokenize);
      if (words.length > 0) {
        index(this.names, doc, words);
        index(this.codes, doc, words.map(doubleMetaphone));
      }
      if (description.sex) index(this.sex, doc, [description.sex]);
      const age = recordedAge(description);
      if (age !== undefined) index(this.age, doc, [String(age)]);
      if (description.birthDate) index(this.dateOfBirth, doc, [description.birthDate]);
      if (description.regionCode && description.regionCode.length >= 4) {
        index(this.location, doc, [description.regionCode.slice(0, 4)]);
      }
    }
  }

  /** Primero's potential matches for a record: the top hits above a tenth of the best, with their likelihood. */
  search(probe: PersonDescription): PrimeroHit[] {
    const scores = new Map<number, number>();
    const add = (doc: number, score: number) => scores.set(doc, (scores.get(doc) ?? 0) + score);
    for (const word of probe.names.flatMap(tokenize)) {
      // The word and its code at one position: one synonym term.
      const code = doubleMetaphone(word);
      const withCode = this.codes.postings.get(code);
      if (!withCode) continue;
      const df = Math.max(withCode.size, this.names.postings.get(word)?.size ?? 0);
      const idf = inverseFrequency(this.names.documents, df);
      for (const [doc, codeFrequency] of withCode) {
        const frequency = codeFrequency + (this.names.postings.get(word)?.get(doc) ?? 0);
        add(doc, BOOST.names * idf * ((frequency * (K1 + 1)) / (frequency + K1)));
      }
    }
    const single = (field: Field, term: string | undefined, boost: number) => {
      const docs = term === undefined ? undefined : field.postings.get(term);
      if (!docs) return;
      // One-word fields: BM25's length normalisation is 1 and its frequency part 1.
      const idf = inverseFrequency(field.documents, docs.size);
      for (const doc of docs.keys()) add(doc, boost * idf);
    };
    single(this.sex, probe.sex, BOOST.sex);
    const age = recordedAge(probe);
    single(this.age, age === undefined ? undefined : String(age), BOOST.age);
    single(this.dateOfBirth, probe.birthDate, BOOST.dateOfBirth);
    single(this.location, probe.regionCode?.slice(0, 4), BOOST.location);

    const top = [...scores]
      .sort(([a, x], [b, y]) => y - x || a - b)
      .slice(0, PRIMERO_TOP_HITS)
      .map(([doc, score]) => ({ id: this.ids[doc] ?? '', score }));
    if (top.length === 0) return [];
    const best = top[0]?.score ?? 1;
    const average = top.reduce((sum, hit) => sum + hit.score / best, 0) / top.length;
    const kept = top.filter((hit) => hit.score / best > PRIMERO_NORMALIZED_THRESHOLD);
    return kept.map((hit) => ({
      id: hit.id,
      normalized: hit.score / best,
      likelihood: kept.length === 1 || hit.score / best - average > LIKELIHOOD_THRESHOLD ? 'likely' : 'possible',
    }));
  }
}

/**
 * The age a Primero record holds: computed from the date of birth when saved (a trace when it is
 * registered, near the day last seen; a case when found), else the stated or estimated age, an
 * apparent range's middle.
 */
function recordedAge(description: PersonDescription): number | undefined {
  if (description.birthDate && description.at) {
    const years = (Date.parse(description.at) - Date.parse(description.birthDate)) / (365.25 * 86_400_000);
    return Math.max(0, Math.floor(years));
  }
  const range = description.ageRange;
  return range ? Math.round((range.min + range.max) / 2) : undefined;
}

function emptyField(): Field {
  return { postings: new Map(), documents: 0 };
}

function index(field: Field, doc: number, terms: readonly string[]): void {
  field.documents += 1;
  for (const term of terms) {
    let docs = field.postings.get(term);
    if (!docs) field.postings.set(term, (docs = new Map()));
    docs.set(doc, (docs.get(doc) ?? 0) + 1);
  }
}

/** Lucene's BM25 idf. */
function inverseFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

function tokenize(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

const VOWELS = new Set([...'aeiouy']);

/**
 * The primary Double Metaphone code (Philips 2000) of a lower-case word, at most 4 letters, for the
 * letters Indonesian names use; the Germanic, Slavic, Romance and Greek special cases are left out.
 * What matters for the comparison is kept: Soekarno and Sukarno share SKRN; Djoko (TJK) and Joko
 * (JK) do not; nor do Muhammad (MHMT) and Mochamad (MXMT).
 */
export function doubleMetaphone(word: string): string {
  const w = word.toLowerCase();
  const at = (i: number) => w[i] ?? '';
  const vowel = (i: number) => VOWELS.has(at(i));
  let code = '';
  let i = 0;
  if (/^(gn|kn|pn|wr|ps)/.test(w)) i = 1;
  if (at(0) === 'x') {
    code += 'S';
    i = 1;
  }
  while (i < w.length && code.length < 4) {
    const c = at(i);
    const next = at(i + 1);
    const skipDouble = next === c ? 2 : 1;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        if (i === 0) code += 'A';
        i += 1;
        break;
      case 'b':
        code += 'P';
        i += skipDouble;
        break;
      case 'c':
        if (next === 'h') {
          code += 'X';
          i += 2;
        } else if (next === 'i' || next === 'e' || next === 'y') {
          code += 'S';
          i += 2;
        } else {
          code += 'K';
          i += next === 'c' || next === 'k' || next === 'q' ? 2 : 1;
        }
        break;
      case 'd':
        if (next === 'g' && 'iey'.includes(at(i + 2)) && at(i + 2) !== '') {
          code += 'J';
          i += 3;
        } else {
          code += 'T';
          i += next === 't' || next === 'd' ? 2 : 1;
        }
        break;
      case 'f':
      case 'v':
        code += 'F';
        i += skipDouble;
        break;
      case 'g':
        if (next === 'h') {
          // After a consonant, or at the start, gh is a hard g; after a vowel it is silent.
          if (i === 0 || !vowel(i - 1)) code += 'K';
          i += 2;
        } else if (next === 'n') {
          code += i === 0 ? 'N' : 'KN';
          i += 2;
        } else if (next === 'i' || next === 'e' || next === 'y') {
          code += 'J';
          i += 2;
        } else {
          code += 'K';
          i += skipDouble;
        }
        break;
      case 'h':
        if ((i === 0 || vowel(i - 1)) && vowel(i + 1)) code += 'H';
        i += 1;
        break;
      case 'j':
      case 'l':
      case 'm':
      case 'n':
      case 'r':
        code += c.toUpperCase();
        i += skipDouble;
        break;
      case 'k':
      case 'q':
        code += 'K';
        i += next === 'k' || next === 'q' ? 2 : 1;
        break;
      case 'p':
        if (next === 'h') {
          code += 'F';
          i += 2;
        } else {
          code += 'P';
          i += next === 'p' || next === 'b' ? 2 : 1;
        }
        break;
      case 's':
        if (next === 'h') {
          code += 'X';
          i += 2;
        } else if (next === 'c' && at(i + 2) === 'h') {
          code += 'SK';
          i += 3;
        } else if (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a')) {
          code += 'S';
          i += 3;
        } else {
          code += 'S';
          i += next === 's' || next === 'z' ? 2 : 1;
        }
        break;
      case 't':
        if (next === 'h') {
          code += '0';
          i += 2;
        } else if (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a')) {
          code += 'X';
          i += 3;
        } else {
          code += 'T';
          i += next === 't' || next === 'd' ? 2 : 1;
        }
        break;
      case 'w':
        if (i === 0 && vowel(1)) code += 'A';
        i += 1;
        break;
      case 'x':
        code += 'KS';
        i += next === 'x' ? 2 : 1;
        break;
      case 'z':
        code += 'S';
        i += skipDouble;
        break;
      default:
        // Digits and letters outside a–z stay as they are: Solr would index them as their own terms.
        code += c.toUpperCase();
        i += 1;
    }
  }
  return code.slice(0, 4);
}
