import { occurredAt } from './command-context';

describe('occurredAt', () => {
  const now = new Date('2025-03-01T09:00:00.000Z');

  it('is now when the field gave no time', () => expect(occurredAt(undefined, now)).toBe(now.toISOString()));

  it('keeps a field time, written in UTC as the contracts need', () =>
    expect(occurredAt('2025-03-01T08:00:00+07:00', now)).toBe('2025-03-01T01:00:00.000Z'));

  it('refuses a time in the future beyond clock drift', () => {
    expect(() => occurredAt('2025-03-01T09:30:00Z', now)).toThrow('occurredAt lies in the future');
    expect(occurredAt('2025-03-01T09:02:00Z', now)).toBe('2025-03-01T09:02:00.000Z');
  });
});
