import { depthExceeds } from './json-body.guard';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('the depth of a JSON body', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(depthExceeds({ a: 1, b: 'x' }, 1)).toBe(false);
    expect(depthExceeds({ a: { b: 1 } }, 1)).toBe(true);
    expect(depthExceeds('just text', 0)).toBe(false);
    expect(depthExceeds(nested(32), 32)).toBe(false);
    expect(depthExceeds(nested(33), 32)).toBe(true);
  });

  it('measures 100,000 levels without overflowing the stack', () => {
    expect(depthExceeds(nested(100_000), 32)).toBe(true);
  });
});
