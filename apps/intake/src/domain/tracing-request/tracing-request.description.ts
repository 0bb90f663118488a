import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { SoughtPersonInput } from './tracing-request.commands';
import type { LastSeen, SoughtPerson } from './tracing-request.vocabulary';

// Province, kabupaten/kota, kecamatan or desa: a family may know no more than the province.
const REGION_CODE = /^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME_DATE = /^\d{4}-\d{2}-\d{2}(?=T)/;
const OLDEST_AGE = 130;

/**
 * The description as recorded: blank names dropped, the NIK without the spaces, dots and hyphens
 * copied from a card. A NIK is a claim, never refused (docs/domain.md, "NIK"); only what cannot
 * be true at all is.
 */
export function checkedSought(sought: SoughtPersonInput): SoughtPerson {
  const names = sought.names.filter((name) => name.trim() !== '');
  if (names.length === 0) invalid('name-required', 'the missing relative needs at least one name');
  const { nik, sex, birthDate, ageRange, photoReference, marks = [], conditions = [] } = sought;
  if (birthDate !== undefined && !isCalendarDate(birthDate)) invalid('invalid-date', 'birthDate is no real day');
  if (ageRange !== undefined && !isAgeRange(ageRange)) {
    invalid('invalid-age-range', `an age range runs from 0 to ${OLDEST_AGE}, min first`);
  }
  const normalisedNik = nik?.replace(/[\s.-]/g, '');
  return {
    names,
    ...(normalisedNik ? { nik: normalisedNik } : {}),
    ...(sex === undefined ? {} : { sex }),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(ageRange === undefined ? {} : { ageRange: { min: ageRange.min, max: ageRange.max } }),
    ...(photoReference === undefined ? {} : { photoReference }),
    marks: [...marks],
    conditions: [...conditions],
  };
}

/** Last seen somewhere Lintas can place, on a real day no later than the request. */
export function checkedLastSeen(lastSeen: LastSeen, at: string): LastSeen {
  const { regionCode, on, place } = lastSeen;
  if (!REGION_CODE.test(regionCode)) {
    invalid('invalid-region-code', 'the region last seen is a Kemendagri code of 2, 4, 6 or 10 digits');
  }
  if (!isCalendarDate(on)) invalid('invalid-date', 'the day last seen is no real day');
  if (on > calendarDateOf(at)) invalid('last-seen-in-future', 'the relative was last seen after the request');
  return { regionCode, on, ...(place === undefined ? {} : { place }) };
}

/** The day of an ISO time as written, in the offset of the office that recorded it. */
function calendarDateOf(at: string): string {
  const day = ISO_TIME_DATE.exec(at)?.[0];
  if (day === undefined) invalid('invalid-time', `'at' must be an ISO 8601 time`);
  return day;
}

function isCalendarDate(value: string): boolean {
  const [, year, month, day] = ISO_DATE.exec(value) ?? [];
  if (year === undefined) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === value;
}

function isAgeRange({ min, max }: { min: number; max: number }): boolean {
  return Number.isFinite(min) && Number.isFinite(max) && min >= 0 && min <= max && max <= OLDEST_AGE;
}

function invalid(rule: string, detail: string): never {
  throw new DomainError(`tracing-request.${rule}`, detail, 'invalid');
}
