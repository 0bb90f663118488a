import { DomainError } from '@lintas/domain-kernel/domain-error';

const ISO_TIME_DATE = /^(\d{4})-(\d{2})-(\d{2})(?=T)/;

/**
 * The last day to answer, `days` after the day of `at` as written (in the offset of the agency
 * that recorded it): a complaint filed in Kupang at 07:00 WITA counts from that day.
 */
export function answerByOf(at: string, days: number): string {
  const [, year, month, day] = ISO_TIME_DATE.exec(at) ?? [];
  if (year === undefined) throw new DomainError('complaint.invalid-time', `'at' must be an ISO 8601 time`, 'invalid');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) + days)).toISOString().slice(0, 10);
}

/** Overdue from the day after the last day to answer. */
export function isOverdue(answerBy: string, now: string): boolean {
  return answerByOf(now, 0) > answerBy;
}
