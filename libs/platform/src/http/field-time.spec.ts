import { instant, occurredAt } from './field-time';

describe('times from the field', () => {
  const now = new Date('2025-03-01T00:00:00Z');

  it('keep the offset they were given in, or read as UTC where asked', () => {
    expect(occurredAt('2025-02-27T08:00:00+08:00', now)).toBe('2025-02-27T08:00:00+08:00');
    expect(instant('2025-03-01T22:15:00+07:00')).toBe('2025-03-01T15:15:00.000Z');
  });

  it('are passed on unread without one, for the domain to refuse', () => {
    expect(instant('2025-03-01T22:15:00')).toBe('2025-03-01T22:15:00');
  });

  it('default to now and may not lie in the future beyond clock drift', () => {
    expect(occurredAt(undefined, now)).toBe('2025-03-01T00:00:00.000Z');
    expect(occurredAt('2025-03-01T00:04:00Z', now)).toBe('2025-03-01T00:04:00Z');
    expect(() => occurredAt('2025-03-01T00:06:00Z', now)).toThrow('occurredAt lies in the future');
  });

  it('must say their offset', () => {
    expect(() => occurredAt('2025-03-01T07:00:00', now)).toThrow('with an offset');
    expect(() => occurredAt('yesterday', now)).toThrow('with an offset');
  });
});
