import { utcOffsetHours } from '@lintas/domain-kernel/region-clock';

/** A calendar month, `YYYY-MM`. */
export type Month = string;
export type Granularity = 'month' | 'year';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HOUR_MS = 3_600_000;

export const isMonth = (text: string): boolean => MONTH.test(text);

export { utcOffsetHours };

/** The month an instant falls in, on the region's clock. */
export function localMonthOf(instant: number, regionCode: string | undefined): Month {
  return new Date(instant + utcOffsetHours(regionCode) * HOUR_MS).toISOString().slice(0, 7);
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on, on the region's clock. */
export function localDateOf(instant: number, regionCode: string | undefined): string {
  return new Date(instant + utcOffsetHours(regionCode) * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) ends on the region's clock: the first instant of the
 * next day. Undefined for what is no day, so that one odd ledger row spoils no answer.
 */
export function dayEnd(date: string, regionCode: string | undefined): number | undefined {
  if (!DATE.test(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day + 1) - utcOffsetHours(regionCode) * HOUR_MS;
}

/** The instant a month begins on the region's clock. */
export function monthStart(month: Month, regionCode: string | undefined): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, monthNumber - 1, 1) - utcOffsetHours(regionCode) * HOUR_MS;
}

function nextMonth(month: Month): Month {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/**
 * The periods of a request: the months `from` to `to` (both included), each its own period (`by`
 * month, labelled `2026-03`) or grouped by calendar year (`by` year, labelled `2026`; a year only
 * partly asked for covers the asked months only). Months are calendar months on the clock of the
 * region a fact is counted in (WIB, WITA or WIT), so that a return at 23:30 WITA on 31 March is a
 * March return in Makassar.
 */
export class Periods {
  readonly labels: readonly string[];
  private readonly months: readonly Month[];
  /** The last month of each period, within the asked months. */
  private readonly lastMonth = new Map<string, Month>();

  constructor(
    readonly from: Month,
    readonly to: Month,
    readonly by: Granularity,
  ) {
    if (!isMonth(from) || !isMonth(to)) throw new RangeError(`months are written YYYY-MM: '${from}', '${to}'`);
    if (from > to) throw new RangeError(`from (${from}) comes after to (${to})`);
    const months: Month[] = [];
    for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
    this.months = months;
    for (const month of months) this.lastMonth.set(this.labelOfMonth(month), month);
    this.labels = [...this.lastMonth.keys()];
  }

  get monthCount(): number {
    return this.months.length;
  }

  private labelOfMonth(month: Month): string {
    return this.by === 'year' ? month.slice(0, 4) : month;
  }

  /** The period an instant falls in on the region's clock; undefined outside the asked months. */
  labelOfInstant(instant: number, regionCode: string | undefined): string | undefined {
    const month = localMonthOf(instant, regionCode);
    return month >= this.from && month <= this.to ? this.labelOfMonth(month) : undefined;
  }

  /** The period of a calendar day (`YYYY-MM-DD`, already local: a due day); undefined outside. */
  labelOfDate(date: string): string | undefined {
    if (!DATE.test(date)) return undefined;
    const month = date.slice(0, 7);
    return month >= this.from && month <= this.to ? this.labelOfMonth(month) : undefined;
  }

  /** When a period ends on the region's clock (exclusive): the first instant of the month after its last. */
  endOf(label: string, regionCode: string | undefined): number {
    const last = this.lastMonth.get(label);
    if (last === undefined) throw new RangeError(`not a period of this request: '${label}'`);
    return monthStart(nextMonth(last), regionCode);
  }
}
