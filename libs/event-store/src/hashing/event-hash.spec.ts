import { eventHash, GENESIS, type HashedFields } from './event-hash';

const event: HashedFields = {
  eventId: '5f0d3c52-8f7e-4a53-9d1b-2f9f1d2c7a10',
  streamId: 'case-1',
  streamVersion: 1,
  type: 'PickupReported',
  schemaVersion: 1,
  dataText: '{"at":"Jl. Pahlawan"}',
  metadataText: '{"occurredAt":"2026-11-20T08:15:00.000Z"}',
};

describe('event hash', () => {
  it('is the same for the same event after the same predecessor', () => {
    expect(eventHash(GENESIS, event).equals(eventHash(GENESIS, { ...event }))).toBe(true);
    expect(eventHash(GENESIS, event)).toHaveLength(32);
  });

  it('changes with any field and with the predecessor', () => {
    const original = eventHash(GENESIS, event);
    const variants: Partial<HashedFields>[] = [
      { eventId: '5f0d3c52-8f7e-4a53-9d1b-2f9f1d2c7a11' },
      { streamId: 'case-2' },
      { streamVersion: 2 },
      { type: 'PickupWithdrawn' },
      { schemaVersion: 2 },
      { dataText: '{"at":"Jl. Pahlawan "}' },
      { metadataText: '{"occurredAt":"2026-11-20T08:15:00.001Z"}' },
    ];
    for (const variant of variants) expect(eventHash(GENESIS, { ...event, ...variant }).equals(original)).toBe(false);
    expect(eventHash(original, event).equals(original)).toBe(false);
  });

  it('does not let text move between data and metadata unnoticed', () => {
    const moved = { ...event, dataText: '{"a":1}', metadataText: '{"b":2}' };
    const other = { ...event, dataText: '{"a":1}{"b":2', metadataText: '}' };
    expect(eventHash(GENESIS, moved).equals(eventHash(GENESIS, other))).toBe(false);
  });
});
