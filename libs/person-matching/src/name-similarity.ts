/**
 * How alike two spoken or written names are, from 0 to 1. Indonesian names are often one word,
 * written in the spelling before 1972 (Soekarno, Djoko) or after it (Sukarno, Joko), given in any
 * order, with honorifics (Pak, Bu, Hj.) and patronymics (bin, binti); names are normalised for
 * those first, then compared word by word.
 */

// Titles, forms of address and patronymic links: they say nothing about which person it is.
const HONORIFICS = new Set(
  (
    'bapak pak bpk ibu bu mbak mbk mas bang abang kak dik adik sdr sdri saudara saudari tn ny nn ' +
    'mbah eyang kakek nenek mbok mak emak pakde bude paklik bulik om tante cak ' +
    'h hj haji hajah hajjah alm almh almarhum almarhumah bin binti bt ' +
    'dr drs dra ir prof kh ustadz ustad ustazah raden rd'
  ).split(' '),
);

// Van Ophuijsen and Soewandi spellings, still on many older documents, read in one pass so that one
// replacement's result is not read again (Tandjung: `dj` → `j`, not then `nj` → `ny`). Old 'j' (Jusuf =
// Yusuf) is left alone here: once 'dj' has become 'j' the two can no longer be told apart; the sound keys of
// indonesian-names.ts hear them alike, and Jaro–Winkler forgives one letter.
const OLD_SPELLING: Readonly<Record<string, string>> = { oe: 'u', dj: 'j', tj: 'c', nj: 'ny', sj: 'sy', ch: 'kh' };

// A Batak woman's marga after boru (br.): the word says she is a daughter of that clan, not who she is, and
// families write her name with it or without it.
const BATAK_PARTICLES = new Set(['br', 'boru']);

// Balinese names open with I (a man) or Ni (a woman), which officers and families leave out as often as
// not; only leading, so that a trailing initial I. and the Chinese syllable Ni elsewhere stay words.
const BALINESE_PARTICLES = new Set(['i', 'ni']);

// Written short forms that stand for one name only (Moch. Rizki, Moh. Hatta, Mhd. Yusuf, Abd. Rahman): read as
// that name. A single-letter initial (M.) could stand for many and stays a letter (indonesian-names.ts compares it).
const SHORT_FORMS: Readonly<Record<string, string>> = {
  moh: 'muhammad',
  mokh: 'muhammad',
  muh: 'muhammad',
  mhd: 'muhammad',
  mohd: 'muhammad',
  abd: 'abdul',
};

/**
 * Words of a name in one spelling: lower case, no marks or titles, academic degrees after a comma dropped,
 * Balinese and Batak particles dropped, conventional short forms of Muhammad and Abdul written out.
 */
export function nameTokens(name: string): string[] {
  let text = name.split(',')[0] ?? '';
  text = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/g, '');
  text = text.replace(/oe|dj|tj|nj|sj|ch/g, (old) => OLD_SPELLING[old] ?? old).replace(/(?<=[a-z])y\b/g, 'i');
  // A word keeps its full stop for a moment: I. is an initial, I a Balinese particle.
  const words: string[] = [];
  let particle = false;
  for (const written of text.match(/[a-z0-9]+\.?/g) ?? []) {
    const abbreviated = written.endsWith('.');
    const token = abbreviated ? written.slice(0, -1) : written;
    if (HONORIFICS.has(token) || BATAK_PARTICLES.has(token)) continue;
    if (words.length === 0) particle = !abbreviated && BALINESE_PARTICLES.has(token);
    words.push(SHORT_FORMS[token] ?? token);
  }
  return particle && words.length > 1 ? words.slice(1) : words;
}

/**
 * How alike two words are: the mean of Jaro–Winkler, which forgives a dropped or doubled letter
 * (Muhamad, Muhammad), and the edit distance, which keeps short words that differ apart (Santoso, Hartono).
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // A number in a name ('Orang 12') is not a spelling variant: another number is another name.
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  return (jaroWinkler(a, b) + 1 - levenshtein(a, b) / Math.max(a.length, b.length)) / 2;
}

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

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
  let k = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k += 1;
    if (a[i] !== b[k]) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** From here two names are taken as one written two ways (intake's duplicate candidates use it). */
export const NAME_SIMILARITY_THRESHOLD = 0.85;

/**
 * Word by word: each word of one name paired with its most alike word of the other (each used once),
 * counted over the words of both, so 'Siti' is only half of 'Siti Aminah' while 'Aminah Siti' is all
 * of it. When one has more words than the other ('Nur Hayati', 'Nurhayati'), the names written
 * together are compared as well.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const joined = left.length !== right.length ? joinedSimilarity(left.join(''), right.join('')) : 0;
  return round(Math.max(wordsSimilarity(left, right), joined));
}

/** The most alike pair among two lists of names and aliases. */
export function bestNameSimilarity(left: readonly string[], right: readonly string[]): number {
  let best = 0;
  for (const a of left) for (const b of right) best = Math.max(best, nameSimilarity(a, b));
  return best;
}

function wordsSimilarity(left: readonly string[], right: readonly string[]): number {
  const pairs = left
    .flatMap((a, i) => right.map((b, j) => ({ i, j, score: wordSimilarity(a, b) })))
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  let total = 0;
  for (const { i, j, score } of pairs) {
    if (usedLeft.has(i) || usedRight.has(j)) continue;
    usedLeft.add(i);
    usedRight.add(j);
    total += score;
  }
  return (2 * total) / (left.length + right.length);
}

function joinedSimilarity(a: string, b: string): number {
  // Jaro–Winkler rewards a shared beginning, so a name that is only the start of the other must not count.
  return Math.min(a.length, b.length) / Math.max(a.length, b.length) >= 0.8 ? wordSimilarity(a, b) : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
