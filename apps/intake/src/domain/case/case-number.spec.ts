import { caseYear, formatCaseNumber } from './case-number';

describe('case numbers', () => {
  it('read kabupaten/kota, year and a five-digit sequence', () => {
    expect(formatCaseNumber('3507', 2025, 42)).toBe('3507-2025-00042');
    expect(formatCaseNumber('3571', 2026, 99_999)).toBe('3571-2026-99999');
  });

  it('take the year as the registration time writes it, so New Year in Malang is already the new year', () => {
    expect(caseYear('2026-01-01T00:30:00+07:00')).toBe(2026);
    expect(caseYear('2025-12-31T17:30:00Z')).toBe(2025);
  });
});
