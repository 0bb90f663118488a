/**
 * The q-quantile of the values by linear interpolation between the two nearest ranks (Hyndman and
 * Fan's type 7: what a spreadsheet's PERCENTILE.INC and numpy's default compute): with n values
 * sorted ascending, the rank is h = (n − 1)·q, and the quantile x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * The median is the 0.5-quantile (the middle value, or the mean of the two middle ones). Undefined
 * for no values.
 */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile lies between 0 and 1, not ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const lower = sorted[below];
  const upper = sorted[Math.min(below + 1, sorted.length - 1)];
  return lower + (h - below) * (upper - lower);
}

export const median = (values: readonly number[]): number | undefined => quantile(values, 0.5);

export const p90 = (values: readonly number[]): number | undefined => quantile(values, 0.9);

/** Rounded to `digits` decimals, half away from zero, without binary noise (`0.1 + 0.2` → 0.3). */
export function round(value: number, digits: number): number {
  // Shifting by the decimal exponent, not by multiplying, keeps 1.005 at 1.005 (× 100 gives 100.4999…).
  const magnitude = String(Math.abs(value));
  if (magnitude.includes('e')) return (Math.sign(value) * Math.round(Math.abs(value) * 10 ** digits)) / 10 ** digits;
  const shifted = Math.round(Number(`${magnitude}e${digits}`));
  return Math.sign(value) * Number(`${shifted}e-${digits}`) + 0;
}

const DAY_MS = 86_400_000;

/** The time between two instants (epoch milliseconds) in days, with fractions. */
export const daysBetween = (start: number, end: number): number => (end - start) / DAY_MS;
