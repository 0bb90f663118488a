import { comparePositions, formatPosition, parsePosition, START } from './position';

describe('global positions', () => {
  it('order by transaction first, then by sequence', () => {
    const a = { transactionId: 10n, sequence: 900n };
    const b = { transactionId: 11n, sequence: 5n };
    expect(comparePositions(a, b)).toBe(-1);
    expect(comparePositions(b, a)).toBe(1);
    expect(comparePositions(a, { transactionId: 10n, sequence: 901n })).toBe(-1);
    expect(comparePositions(a, { ...a })).toBe(0);
    expect(comparePositions(START, a)).toBe(-1);
  });

  it('travel as text and come back unchanged, beyond the safe integer range', () => {
    const position = { transactionId: 18446744073709551615n, sequence: 9007199254740993n };
    expect(formatPosition(position)).toBe('18446744073709551615.9007199254740993');
    expect(parsePosition(formatPosition(position))).toEqual(position);
  });

  it('refuse text that is not a position', () => {
    for (const text of ['', '12', '1.2.3', 'a.b', '-1.2', '1.2 '])
      expect(() => parsePosition(text)).toThrow(/not a position/);
  });
});
