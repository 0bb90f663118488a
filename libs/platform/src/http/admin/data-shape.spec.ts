import { shapeOf, shapeOfValue } from './data-shape';

describe("the shape of a message's data", () => {
  it('names the fields and their JSON types, never a value', () => {
    const data = { personId: 'a', nik: '3507014506780002', age: 41, known: false, note: null, tags: ['x', 'y'] };
    const shape = shapeOfValue(Buffer.from(JSON.stringify(data)));
    expect(shape).toEqual({
      type: 'object',
      properties: {
        personId: { type: 'string' },
        nik: { type: 'string' },
        age: { type: 'number' },
        known: { type: 'boolean' },
        note: { type: 'null' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    });
    expect(JSON.stringify(shape)).not.toContain('3507014506780002');
  });

  it('tells nested objects, empty and mixed arrays', () => {
    expect(shapeOf({ visits: [{ at: 'x' }, { at: 'y' }], none: [], both: [1, 'a', 2] })).toEqual({
      type: 'object',
      properties: {
        visits: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' } } } },
        none: { type: 'array' },
        both: { type: 'array', items: { type: 'mixed', anyOf: [{ type: 'number' }, { type: 'string' }] } },
      },
    });
  });

  it('tells nothing of a value that is not JSON', () => {
    expect(shapeOfValue(Buffer.from('Siti Aminah, 3507014506780002'))).toEqual({ type: 'not-json' });
  });
});
