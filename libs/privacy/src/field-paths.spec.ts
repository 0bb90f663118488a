import { parseFieldPath, setAt, updateAt, valuesAt } from './field-paths';

const person = {
  name: 'Siti Nurhaliza',
  identity: { nik: '3171234567890001', kk: null },
  family: {
    contacts: [
      { relation: 'kakak', phone: '0812-1111-2222' },
      { relation: 'ibu' },
      { relation: 'paman', phone: '0813-3333-4444' },
    ],
  },
  pickups: [{ places: [{ city: 'Surabaya' }, { city: 'Malang' }] }, { places: [] }],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const upper = (value: unknown): unknown => (typeof value === 'string' ? value.toUpperCase() : value);

describe('parseFieldPath', () => {
  it('reads names, dots and []', () => {
    expect(parseFieldPath('family.contacts[].phone')).toEqual([
      { key: 'family' },
      { key: 'contacts' },
      '[]',
      { key: 'phone' },
    ]);
    expect(parseFieldPath('matrix[][]')).toEqual([{ key: 'matrix' }, '[]', '[]']);
  });

  it.each(['', 'a..b', '.a', 'a.', 'a[0]', 'a[]b', '[]', 'a.__proto__', 'constructor.x'])("refuses '%s'", (path) => {
    expect(() => parseFieldPath(path)).toThrow(/Invalid field path/);
  });
});

describe('valuesAt', () => {
  it('finds a top-level, a nested and a null value', () => {
    expect(valuesAt(person, 'name')).toEqual(['Siti Nurhaliza']);
    expect(valuesAt(person, 'identity.nik')).toEqual(['3171234567890001']);
    expect(valuesAt(person, 'identity.kk')).toEqual([null]);
  });

  it('finds each element through [], skipping elements without the field', () => {
    expect(valuesAt(person, 'family.contacts[].phone')).toEqual(['0812-1111-2222', '0813-3333-4444']);
    expect(valuesAt(person, 'pickups[].places[].city')).toEqual(['Surabaya', 'Malang']);
  });

  it('finds nothing where the path is missing or of another shape', () => {
    expect(valuesAt(person, 'address')).toEqual([]);
    expect(valuesAt(person, 'identity.nik.digits')).toEqual([]);
    expect(valuesAt(person, 'family.contacts.phone')).toEqual([]);
    expect(valuesAt(person, 'name[]')).toEqual([]);
    expect(valuesAt(person, 'toString')).toEqual([]);
    expect(valuesAt(null, 'name')).toEqual([]);
  });
});

describe('updateAt and setAt', () => {
  it('replace a top-level and a nested value in a copy', () => {
    const input = deepFreeze(structuredClone(person));
    const output = updateAt(updateAt(input, 'name', upper), 'identity.nik', () => '•');
    expect(output.name).toBe('SITI NURHALIZA');
    expect(output.identity).toEqual({ nik: '•', kk: null });
    expect(output).not.toBe(input);
    expect(input).toEqual(person);
  });

  it('replace each element through [] and leave elements without the field alone', () => {
    const input = deepFreeze(structuredClone(person));
    const output = setAt(input, 'family.contacts[].phone', 'sealed');
    expect(output.family.contacts).toEqual([
      { relation: 'kakak', phone: 'sealed' },
      { relation: 'ibu' },
      { relation: 'paman', phone: 'sealed' },
    ]);
    expect(updateAt(input, 'pickups[].places[].city', upper).pickups).toEqual([
      { places: [{ city: 'SURABAYA' }, { city: 'MALANG' }] },
      { places: [] },
    ]);
    expect(input).toEqual(person);
  });

  it('skip a missing path silently, creating nothing', () => {
    const input = deepFreeze(structuredClone(person));
    const update = jest.fn(upper);
    expect(updateAt(input, 'address.street', update)).toEqual(person);
    expect(updateAt(input, 'family.contacts.phone', update)).toEqual(person);
    expect(update).not.toHaveBeenCalled();
  });

  it('visit a field present with the value undefined', () => {
    const update = jest.fn(() => 'x');
    expect(updateAt({ name: undefined }, 'name', update)).toEqual({ name: 'x' });
    expect(update).toHaveBeenCalledWith(undefined);
  });

  it('copy what is on the path and share the rest', () => {
    const input = deepFreeze(structuredClone(person));
    const output = setAt(input, 'identity.nik', '•');
    expect(output.identity).not.toBe(input.identity);
    expect(output.family).toBe(input.family);
  });

  it('read a class instance as its fields, giving a plain object', () => {
    class Pickup {
      constructor(
        readonly name: string,
        readonly city: string,
      ) {}
    }
    const input = Object.freeze(new Pickup('Siti', 'Surabaya'));
    const output = setAt(input, 'name', 'sealed');
    expect(output).toEqual({ name: 'sealed', city: 'Surabaya' });
    expect(input.name).toBe('Siti');
  });
});
