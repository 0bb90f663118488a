export type Sex = 'male' | 'female';

/** Where an identity came from: a NIK is a claim until Dukcapil, a document or the family confirms it. */
export const IDENTITY_SOURCES = ['dukcapil', 'document', 'family', 'self-report'] as const;
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];

export const IDENTITY_CONFIDENCES = ['confirmed', 'probable', 'claimed'] as const;
export type IdentityConfidence = (typeof IDENTITY_CONFIDENCES)[number];

/** What the person (or a bystander) says at the pickup: a name, perhaps a NIK or where they come from. */
export interface ClaimedIdentity {
  name?: string;
  nik?: string;
  birthDate?: string;
  sex?: Sex;
  origin?: string;
}

/**
 * How an unidentified person is recognised (docs/domain.md, "Unidentified persons"). All optional: record
 * what was seen.
 */
export interface Descriptors {
  sex?: Sex;
  /** As seen, e.g. '30-40'. */
  apparentAgeRange?: string;
  heightCm?: number;
  build?: string;
  marks?: string;
  clothing?: string;
  language?: string;
  namesMentioned?: string[];
  placesMentioned?: string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists, split into numbers; null otherwise. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, isLeapYear(year))) return null;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
