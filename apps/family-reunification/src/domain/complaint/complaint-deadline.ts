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

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** The offset of an ISO 8601 time as minutes east of UTC: `Z` is 0, `+07:00` is 420. */
export function offsetMinutesOf(at: string): number {
  const offset = OFFSET.exec(at)?.[1];
  if (offset === undefined || offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * `now` written on the clock of the agency that filed (minutes east of UTC): a deadline is a day on
 * that clock, so whether it passed is read on it too, not on UTC's (7 to 9 hours late in Indonesia).
 */
export function onClockOf(now: Date, offsetMinutes: number): string {
  const local = new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
