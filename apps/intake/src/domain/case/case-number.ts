import { yearOf } from '../time';

/**
 * A case number per owning office, `<kab/kota code>-<year>-<sequence of 5 digits>`, e.g.
 * `3507-2025-00042`. The sequence is allocated outside the domain, per office and year.
 */
export function formatCaseNumber(kabKotaCode: string, year: number, sequence: number): string {
  return `${kabKotaCode}-${year}-${String(sequence).padStart(5, '0')}`;
}

export const MAX_CASE_SEQUENCE = 99_999;

/**
 * The year a case number carries: the year as written in the registration instant, which is the
 * office's own year when the client sends its local offset (+07:00 WIB, +08:00 WITA, +09:00 WIT).
 * The sequence allocator must use this same year.
 */
export function caseYear(at: string): number {
  return yearOf(at);
}
