import { DomainError } from '@lintas/domain-kernel/domain-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The calendar date of an ISO time as written, in the offset of the field where it happened: a
 * reunification in Kupang at 07:00 WITA falls on that day, not on the UTC day before.
 */
export function calendarDateOf(at: string): string {
  const match = ISO_DATE.exec(at);
  if (!match) throw new DomainError('reunification.invalid-time', `'at' must be an ISO 8601 time`, 'invalid');
  return match[0];
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  const monthIndex = Number(month) - 1 + months;
  const targetYear = Number(year) + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const targetDay = Math.min(Number(day), lastDay);
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(targetDay)}`;
}

/** Offsets are whole months after the reunification, at least one, each later than the one before. */
export function areValidFollowUpOffsets(offsets: readonly number[]): boolean {
  return (
    offsets.length > 0 &&
    offsets.every((offset, i) => Number.isInteger(offset) && offset > 0 && (i === 0 || offset > (offsets[i - 1] ?? 0)))
  );
}

export interface DueFollowUp {
  visit: number;
  dueOn: string;
}

export function followUpsDue(reunifiedAt: string, offsetsMonths: readonly number[]): DueFollowUp[] {
  const day = calendarDateOf(reunifiedAt);
  return offsetsMonths.map((months, i) => ({ visit: i + 1, dueOn: addMonths(day, months) }));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
