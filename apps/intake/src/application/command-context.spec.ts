import { instant, occurredAt } from './command-context';

describe('times from the field', () => {
  it('are kept in UTC when they carry an offset', () => {
    expect(instant('2025-03-01T22:15:00+07:00')).toBe('2025-03-01T15:15:00.000Z');
  });

  it('are passed on unread without one, for the domain to refuse', () => {
    expect(instant('2025-03-01T22:15:00')).toBe('2025-03-01T22:15:00');
  });

  it('default to now and may not lie in the future beyond clock drift', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    expect(occurredAt(undefined, now)).toBe('2025-03-01T00:00:00.000Z');
    expect(occurredAt('2025-03-01T00:04:00Z', now)).toBe('2025-03-01T00:04:00.000Z');
    expect(() => occurredAt('2025-03-01T00:06:00Z', now)).toThrow('occurredAt lies in the future');
  });
});
