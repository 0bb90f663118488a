import { type RegionDirectory } from '../regions/region-directory';
import { daysInMonth, isLeapYear, parseIsoDate, type Sex } from './identity';

/**
 * What can look wrong in a NIK (docs/domain.md, "NIK"). NIK has no check digit, so only its structure can
 * be checked, and a finding is a flag for the worker, never a reason to refuse the identity: an
 * older NIK may carry a region code that has since been split, and a NIK is a claim until confirmed.
 */
export const NIK_FLAGS = [
  'nik.not-16-digits',
  'nik.unknown-region',
  'nik.unknown-district',
  'nik.impossible-date',
  'nik.sex-mismatch',
  'nik.birth-date-mismatch',
  'nik.invalid-serial',
] as const;
export type NikFlag = (typeof NIK_FLAGS)[number];

/** The parts of a NIK: 2 province + 2 kab/kota + 2 kecamatan, DDMMYY (+40 on the day for women), serial. */
export interface NikParts {
  kabKotaCode: string;
  kecamatanCode: string;
  /** The day as written: 1–31 for men, 41–71 for women. */
  encodedDay: number;
  month: number;
  /** Two digits: the century is not in the NIK. */
  yearOfCentury: number;
  serial: string;
}

/** Spaces, dots and hyphens are how people copy a NIK from a card; they are not part of it. */
export function normaliseNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

export function nikParts(nik: string): NikParts | null {
  if (!/^\d{16}$/.test(nik)) return null;
  return {
    kabKotaCode: nik.slice(0, 4),
    kecamatanCode: nik.slice(0, 6),
    encodedDay: Number(nik.slice(6, 8)),
    month: Number(nik.slice(8, 10)),
    yearOfCentury: Number(nik.slice(10, 12)),
    serial: nik.slice(12),
  };
}

/** Every structural problem of a NIK, in the order of NIK_FLAGS; an empty list when none is found. */
export function checkNik(
  nik: string,
  sex: Sex | null | undefined,
  birthDate: string | null | undefined,
  regions: RegionDirectory,
): NikFlag[] {
  const parts = nikParts(normaliseNik(nik));
  if (!parts) return ['nik.not-16-digits'];
  const flags: NikFlag[] = [];
  if (!regions.has(parts.kabKotaCode)) flags.push('nik.unknown-region');
  else if (!regions.has(parts.kecamatanCode)) flags.push('nik.unknown-district');

  const birth = birthDate ? parseIsoDate(birthDate) : null;
  const encodedSex: Sex | null = parts.encodedDay > 40 ? 'female' : parts.encodedDay > 0 ? 'male' : null;
  const day = encodedSex === 'female' ? parts.encodedDay - 40 : parts.encodedDay;
  const fullYear = birth && birth.year % 100 === parts.yearOfCentury ? birth.year : undefined;
  if (!isPossibleDate(day, parts.month, parts.yearOfCentury, fullYear)) {
    flags.push('nik.impossible-date');
  } else {
    if (sex && sex !== encodedSex) flags.push('nik.sex-mismatch');
    if (birth && (birth.day !== day || birth.month !== parts.month || birth.year % 100 !== parts.yearOfCentury)) {
      flags.push('nik.birth-date-mismatch');
    }
  }
  if (parts.serial === '0000') flags.push('nik.invalid-serial');
  return flags;
}

function isPossibleDate(day: number, month: number, yearOfCentury: number, fullYear: number | undefined): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Without a full year, '00' is read as 2000 (a leap year): living persons born in 1900 are too rare to flag for.
  const leap = fullYear !== undefined ? isLeapYear(fullYear) : yearOfCentury % 4 === 0;
  return day <= daysInMonth(month, leap);
}
