import { EN } from './messages.en';
import { ID, type MessageKey } from './messages.id';
import type { Zone } from './region-time';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { id: ID, en: EN };
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The catalogue's text with `{name}` filled in; a message always exists (both catalogues have every key). */
export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message whose key is made from data (an event type, a stage), where the catalogue may lack it. */
export function translateIfKnown(lang: Lang, key: string): string | undefined {
  return (CATALOGUES[lang] as Record<string, string>)[key];
}

/** Dates and numbers in the user's language, on the clock of their region, with its zone named. */
export class Formats {
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;

  constructor(
    readonly lang: Lang,
    readonly zone: Zone,
  ) {
    this.dateTime = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: zone.iana,
      hourCycle: 'h23',
    });
    this.date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' });
    this.number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
  }

  /** An instant: `7 Jan 2026 08.30.00 WIB`. */
  instant(iso: string | null | undefined): string {
    if (!iso) return '—';
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : `${this.dateTime.format(at)} ${this.zone.name}`;
  }

  /** A calendar day (`2026-03-01`), which has no zone. */
  day(date: string | null | undefined): string {
    if (!date) return '—';
    const at = new Date(`${date.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(at.getTime()) ? date : this.date.format(at);
  }

  num(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : this.number.format(value);
  }
}

/** Whole days from an instant (or a day) until now: the age of a queue's item. */
export function ageInDays(since: string | null | undefined, now = Date.now()): number | undefined {
  if (!since) return undefined;
  const at = new Date(since.length === 10 ? `${since}T00:00:00Z` : since).getTime();
  return Number.isNaN(at) ? undefined : Math.floor((now - at) / 86_400_000);
}
