import { EventRegistry, UnknownEventTypeError } from './event-registry';

// v1 carried one free-text name; v2 split it; v3 renamed 'found' to 'foundAt'.
const pickupReported = {
  type: 'PickupReported',
  schemaVersion: 3,
  personalFields: ['claimedName.given', 'claimedName.family'],
  upcasters: {
    1: (data: unknown) => {
      const { claimedName, ...rest } = data as { claimedName: string };
      const [given = '', ...family] = claimedName.split(' ');
      return { ...rest, claimedName: { given, family: family.join(' ') } };
    },
    2: (data: unknown) => {
      const { found, ...rest } = data as { found: string };
      return { ...rest, foundAt: found };
    },
  },
};

describe('event registry', () => {
  const registry = new EventRegistry([pickupReported]);

  it('upcasts data stored under any older version to the current one, step by step', () => {
    expect(registry.upcast('PickupReported', 1, { claimedName: 'Budi Santoso Putra', found: '2026-11-01' })).toEqual({
      schemaVersion: 3,
      data: { claimedName: { given: 'Budi', family: 'Santoso Putra' }, foundAt: '2026-11-01' },
    });
    expect(registry.upcast('PickupReported', 2, { claimedName: { given: 'Siti', family: '' }, found: 'x' })).toEqual({
      schemaVersion: 3,
      data: { claimedName: { given: 'Siti', family: '' }, foundAt: 'x' },
    });
  });

  it('leaves current data as it is', () => {
    const data = { claimedName: { given: 'A', family: 'B' }, foundAt: 'y' };
    expect(registry.upcast('PickupReported', 3, data)).toEqual({ schemaVersion: 3, data });
  });

  it('refuses a definition that cannot upcast every older version', () => {
    expect(() => new EventRegistry([{ ...pickupReported, upcasters: { 2: (d: unknown) => d } }])).toThrow(
      "event type 'PickupReported' v3 has no upcaster from v1",
    );
  });

  it('refuses the same type twice, and names an unknown one', () => {
    expect(() => new EventRegistry([pickupReported, pickupReported])).toThrow(/defined twice/);
    expect(() => registry.definitionOf('CaseUpdated')).toThrow(UnknownEventTypeError);
    expect(registry.knows('CaseUpdated')).toBe(false);
  });
});
