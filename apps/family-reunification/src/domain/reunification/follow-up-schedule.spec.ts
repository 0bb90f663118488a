import { DomainError } from '@lintas/domain-kernel/domain-error';
import { addMonths, areValidFollowUpOffsets, calendarDateOf, followUpsDue } from './follow-up-schedule';

describe('follow-up schedule', () => {
  it('adds calendar months, keeping the day or taking the last day of a shorter month', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-10', 3)).toBe('2026-02-10');
    expect(addMonths('2025-12-01', 24)).toBe('2027-12-01');
  });

  it('counts from the day in the field, not the UTC day', () => {
    expect(calendarDateOf('2025-03-01T06:30:00+08:00')).toBe('2025-03-01');
    expect(followUpsDue('2025-03-01T06:30:00+08:00', [1, 3, 6])).toEqual([
      { visit: 1, dueOn: '2025-04-01' },
      { visit: 2, dueOn: '2025-06-01' },
      { visit: 3, dueOn: '2025-09-01' },
    ]);
  });

  it('refuses a time that is not ISO 8601', () => {
    expect(() => calendarDateOf('1 March 2025')).toThrow(DomainError);
  });

  it('accepts increasing whole months above zero only', () => {
    expect(areValidFollowUpOffsets([1, 3, 6])).toBe(true);
    expect(areValidFollowUpOffsets([12])).toBe(true);
    for (const offsets of [[], [0, 1], [-1], [1, 1], [6, 3], [1, 2.5]]) {
      expect(areValidFollowUpOffsets(offsets)).toBe(false);
    }
  });
});
