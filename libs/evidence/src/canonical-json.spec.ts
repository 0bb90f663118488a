import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units, at every depth, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
    // Code units, not code points or locale: U+FB33 sorts after U+1F600's high surrogate (0xD83D);
    // "\r" before "1", capitals before small letters, digits before both.
    const names = { '\u20ac': 0, '\r': 1, '\ufb33': 2, '1': 3, '\u{1f600}': 4, '\u0080': 5, ö: 6, B: 7, a: 8 };
    expect(canonicalJson(names)).toBe('{"\\r":1,"1":3,"B":7,"a":8,"\u0080":5,"ö":6,"€":0,"😀":4,"\ufb33":2}');
  });

  it("prints numbers as ECMAScript does, as RFC 8785's examples show", () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [1, '1'],
      [-1.5, '-1.5'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [333333333.3333333, '333333333.3333333'],
      [5e-324, '5e-324'],
      [1e-7, '1e-7'],
      [0.000001, '0.000001'],
      [9007199254740992, '9007199254740992'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value)).toBe(text);
  });

  it('escapes strings as RFC 8785 does: only quote, backslash and control characters', () => {
    expect(canonicalJson('a"b\\c\n\t\b\f\r\u0001\u001f\u007f\u2028 é 😀 /')).toBe(
      '"a\\"b\\\\c\\n\\t\\b\\f\\r\\u0001\\u001f\u007f\u2028 é 😀 /"',
    );
  });

  it('keeps arrays in order and skips undefined members', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: [] })).toBe('{"b":[]}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { x: 1 }))).toBe('{"x":1}');
  });

  it('reads the same after a trip through JSON.parse', () => {
    const value = { time: '2026-12-06T10:00:00.000Z', n: [0.1, 2e-9, 123456789012], nested: { é: 'ü', A: false } };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(canonicalJson(JSON.parse(JSON.stringify(value, null, 2)))).toBe(text);
  });

  it('throws on what JSON cannot hold', () => {
    expect(() => canonicalJson([1, undefined])).toThrow('undefined');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 2])).toThrow('undefined');
    expect(() => canonicalJson(undefined)).toThrow('undefined');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson(Number.NaN)).toThrow('NaN');
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow('Infinity');
    expect(() => canonicalJson(10n)).toThrow('bigint');
    expect(() => canonicalJson(Symbol('s'))).toThrow('symbol');
    expect(() => canonicalJson(new Date(0))).toThrow('Date');
    expect(() => canonicalJson(new Map())).toThrow('Map');
    expect(() => canonicalJson('\ud800')).toThrow('surrogate');
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow('surrogate');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = [cyclic];
    expect(() => canonicalJson(cyclic)).toThrow('cyclic');
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, { b: shared }])).toBe('[{"a":1},{"b":{"a":1}}]');
  });
});
