/**
 * Indonesian names as a matcher should see them. Names are written many ways: old spellings
 * (Soewandi's `oe`, `dj`, `tj`, `sj`, `nj`, `ch` beside today's `u`, `j`, `c`, `sy`, `ny`, `kh`),
 * honorifics and titles around them (Bapak, Ibu, Haji, Hj., Drs., S.Pd.), a single name or several
 * in any order, patronymic connectors (bin, binti). A name becomes its canonical tokens; two names
 * are compared token by token, whatever their order.
 */

/** Words that say who someone is to the writer, not who they are: dropped before comparing. */
const HONORIFICS = new Set([
  'bapak',
  'bpk',
  'pak',
  'ibu',
  'bu',
  'ny',
  'nyonya',
  'nona',
  'tuan',
  'tn',
  'sdr',
  'sdri',
  'saudara',
  'saudari',
  'mas',
  'mbak',
  'mba',
  'kak',
  'adik',
  'dik',
  'mbah',
  'eyang',
  'haji',
  'hajjah',
  'hajah',
  'h',
  'hj',
  'kh',
  'ustadz',
  'ustad',
  'ustazah',
  'almarhum',
  'alm',
  'almh',
  'almarhumah',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'raden',
  'rd',
  'r',
  'mr',
  'mrs',
  'ms',
]);

/** Academic degrees written after a name (S.Pd., S.H., M.M., A.Md.), dotted or not. */
const DEGREE = /^(s|m|d|a)\.?(pd|h|e|kom|sos|ag|ip|t|si|kep|ked|farm|hum|psi|ak|kes|md|m|ma|sc|sn|ikom|stp|pt)\.?$/i;

/** Connectors of a patronymic ("Ahmad bin Abdullah"): not a name. */
const CONNECTORS = new Set(['bin', 'binti', 'bt', 'van', 'de', 'al', 'el']);

/** Old spellings to today's (EYD), read in one pass so that one's result is not read again (Tandjung). */
const SPELLING: Readonly<Record<string, string>> = { oe: 'u', dj: 'j', tj: 'c', sj: 'sy', nj: 'ny', ch: 'kh' };
const OLD_SPELLING = /oe|dj|tj|sj|nj|ch/g;

/** A name's canonical tokens: lower case, today's spelling, no honorific, degree or connector. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s,]+/)
    .filter((word) => word !== '' && !DEGREE.test(word))
    .map((word) => word.replace(/[^a-z]/g, ''))
    .filter((word) => word.length > 0 && !HONORIFICS.has(word) && !CONNECTORS.has(word))
    .map(canonicalSpelling);
}

export function canonicalSpelling(token: string): string {
  return token.replace(OLD_SPELLING, (old) => SPELLING[old] ?? old);
}

/**
 * A token's sound skeleton: `kh` read as `h`, vowels o/u and e/i alike, a final `y` as `i` and any
 * other as `j` (the old spelling's `j` is today's `y`: Djojo, Joyo), doubled letters once, an
 * `h` closing a syllable dropped (Muhammad, Mochamad and Muhamad share one; Ahmad and Akhmad;
 * Rahmat and Rachmat; Fatimah and Fatima).
 */
export function soundKey(token: string): string {
  return token
    .replace(/kh/g, 'h')
    .replace(/[ou]/g, 'u')
    .replace(/[ei]/g, 'i')
    .replace(/y$/, 'i')
    .replace(/y/g, 'j')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aiu])h(?=[^aiu]|$)/g, '$1')
    .replace(/h$/, '');
}

/** Jaro-Winkler similarity of two tokens, 0 to 1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j += 1) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = matchedB[j] = true;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i += 1) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j += 1;
    if (a[i] !== b[j]) transpositions += 1;
    j += 1;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How alike two tokens are: 1 when they sound alike, else their Jaro-Winkler similarity. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b || soundKey(a) === soundKey(b)) return 1;
  return jaroWinkler(a, b);
}

export type NameAgreement = 'same' | 'alike' | 'contained' | 'one-name-shared' | 'different' | 'unknown';

/**
 * How two names agree, whatever their order: `same` when their tokens pair up one to one and each
 * pair sounds alike; `alike` when they pair up one to one closely (spelling slips); `contained`
 * when every token of the shorter name pairs with one of the longer (a single name within a full
 * one, a name left out); `one-name-shared` when only some pair (a shared given or family name);
 * `different` otherwise; `unknown` when either has no name left once honorifics are gone.
 */
export function compareNames(a: string, b: string): { agreement: NameAgreement; similarity: number } {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return { agreement: 'unknown', similarity: 0 };
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const free = [...long];
  const scores: number[] = [];
  // Greedy pairing by best similarity: names are short, a full assignment buys nothing here.
  for (const token of short) {
    let best = -1;
    let bestScore = 0;
    free.forEach((candidate, index) => {
      const score = tokenSimilarity(token, candidate);
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    scores.push(bestScore);
    if (best >= 0) free.splice(best, 1);
  }
  const similarity = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const paired = scores.filter((score) => score >= PAIRED).length;
  const oneToOne = short.length === long.length;
  if (paired === short.length) {
    if (!oneToOne) return { agreement: 'contained', similarity };
    return { agreement: scores.every((score) => score === 1) ? 'same' : 'alike', similarity };
  }
  if (paired >= 1) return { agreement: 'one-name-shared', similarity };
  return { agreement: 'different', similarity };
}

/** Two tokens this alike are taken as one name written two ways (Jaro-Winkler; a slip or two in a long name). */
const PAIRED = 0.92;
