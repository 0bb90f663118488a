import { daysBetween, median, p90, quantile, round } from './statistics';

describe('quantiles by linear interpolation between ranks', () => {
  it('takes the middle value, or the mean of the two middle ones, as the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates the 90th percentile between the ranks around (n − 1)·0.9', () => {
    // n = 4: rank 2.7 lies 0.7 of the way from 3 to 4.
    expect(p90([1, 2, 3, 4])).toBeCloseTo(3.7, 10);
    // n = 3: rank 1.8 lies 0.8 of the way from 20 to 40.
    expect(p90([40, 10, 20])).toBeCloseTo(36, 10);
    // n = 11: rank 9 exactly, the 10th value.
    expect(p90([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
  });

  it('answers one value with itself and no values with nothing', () => {
    expect(median([7])).toBe(7);
    expect(p90([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });

  it('knows the ends and refuses a quantile outside them', () => {
    expect(quantile([5, 1, 9], 0)).toBe(1);
    expect(quantile([5, 1, 9], 1)).toBe(9);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('rounding and days', () => {
  it('rounds half away from zero without binary noise', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
    expect(round(1e-9, 2)).toBe(0);
  });

  it('measures days with their fractions', () => {
    expect(daysBetween(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-15T12:00:00Z'))).toBe(14.5);
  });
});
