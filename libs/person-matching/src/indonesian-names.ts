import { jaroWinkler, nameTokens } from './name-similarity';

export { nameTokens };

/**
 * Indonesian names as a matcher should see them. Names are written many ways: old spellings
 * (Soewandi's `oe`, `dj`, `tj`, `sj`, `nj`, `ch` beside today's `u`, `j`, `c`, `sy`, `ny`, `kh`),
 * honorifics and titles around them (Bapak, Ibu, Haji, Hj., Drs., S.Pd.), a single name or several
 * in any order, patronymic connectors (bin, binti). A name becomes its canonical tokens; two names
 * are compared token by token, whatever their order. The tokens are name-similarity.ts's (which the
 * duplicate matcher of intake also uses); this adds sound keys and a level of agreement.
 */

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

/** How alike two tokens are: 1 when they sound alike, else their Jaro-Winkler similarity. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b || soundKey(a) === soundKey(b)) return 1;
  const [initialA, initialB] = [isInitial(a), isInitial(b)];
  if (initialA !== initialB) return abbreviates(initialA ? a : b, initialA ? b : a) ? INITIAL : 0;
  return jaroWinkler(a, b);
}

/** A single letter left of a word (M. Rizki): it stands for some word, not for itself. */
export function isInitial(token: string): boolean {
  return token.length === 1 && token >= 'a' && token <= 'z';
}

// The old spelling's j is today's y (Jusuf, Yusuf), so an initial J. or Y. may stand for either.
function abbreviates(initial: string, word: string): boolean {
  const first = word.charAt(0);
  return first === initial || (initial === 'j' && first === 'y') || (initial === 'y' && first === 'j');
}

export type NameAgreement = 'same' | 'alike' | 'contained' | 'one-name-shared' | 'different' | 'unknown';

/**
 * How two names agree, whatever their order: `same` when their tokens pair up one to one and each
 * pair sounds alike; `alike` when they pair up one to one closely (spelling slips, or an initial for
 * a word: M. Rizki, Muhammad Rizki); `contained` when every token of the shorter name pairs with one
 * of the longer (a single name within a full one, a name left out); `one-name-shared` when only
 * some pair (a shared given or family name); `different` otherwise; `unknown` when either has no
 * word left once honorifics and particles are gone (initials alone do not name anyone).
 */
export function compareNames(a: string, b: string): { agreement: NameAgreement; similarity: number } {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (!left.some((token) => !isInitial(token)) || !right.some((token) => !isInitial(token))) {
    return { agreement: 'unknown', similarity: 0 };
  }
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  const free = [...long];
  const scores: number[] = [];
  const byInitial: boolean[] = [];
  // Greedy pairing by best similarity, words before initials (an initial must not take the word
  // another sounds like: R. Rizki against Rizki Rahmat); names are short, a full assignment buys nothing here.
  for (const token of [...short.filter((t) => !isInitial(t)), ...short.filter(isInitial)]) {
    let best = -1;
    let bestScore = 0;
    free.forEach((candidate, index) => {
      const score = tokenSimilarity(token, candidate);
      if (score > bestScore) [best, bestScore] = [index, score];
    });
    scores.push(bestScore);
    byInitial.push(isInitial(token) || isInitial(free[best] ?? ''));
    if (best >= 0) free.splice(best, 1);
  }
  const similarity = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const paired = scores.filter((score) => score >= PAIRED).length;
  const oneToOne = short.length === long.length;
  if (paired === short.length) {
    if (!oneToOne) return { agreement: 'contained', similarity };
    return { agreement: scores.every((score) => score === 1) ? 'same' : 'alike', similarity };
  }
  // An initial that agrees is no shared name: M. Rizki and Made Sukerti share nothing but a letter.
  const shared = scores.some((score, i) => score >= PAIRED && !byInitial[i]);
  return { agreement: shared ? 'one-name-shared' : 'different', similarity };
}

/** Two tokens this alike are taken as one name written two ways (Jaro-Winkler; a slip or two in a long name). */
const PAIRED = 0.92;

/**
 * An initial against a word it may stand for: paired (at least PAIRED) but short of sounding alike,
 * so that a name with one is at best `alike`. An initial is weaker than a word (a letter begins one
 * name in fifteen or so), but more than nothing: M. Rizki against Muhammad Rizki agrees on more
 * than Rizki alone (`contained`) and on less than the full name (`same`).
 */
const INITIAL = 0.95;
