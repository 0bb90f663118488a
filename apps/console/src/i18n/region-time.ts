import { utcOffsetHours } from '@lintas/domain-kernel/region-clock';

/** Indonesia's three time zones, as people there name them. */
export type ZoneName = 'WIB' | 'WITA' | 'WIT';

export interface Zone {
  name: ZoneName;
  /** The IANA zone Intl formats in (none of the three keeps summer time). */
  iana: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  offsetHours: 7 | 8 | 9;
}

const ZONES: Record<ZoneName, Zone> = {
  WIB: { name: 'WIB', iana: 'Asia/Jakarta', offsetHours: 7 },
  WITA: { name: 'WITA', iana: 'Asia/Makassar', offsetHours: 8 },
  WIT: { name: 'WIT', iana: 'Asia/Jayapura', offsetHours: 9 },
};

/** The zone of a region, by the rule the indicators read months with (docs/indicators.md, "Periods"). */
export function zoneOf(regionCode: string | undefined): Zone {
  const offset = utcOffsetHours(regionCode);
  return offset === 9 ? ZONES.WIT : offset === 8 ? ZONES.WITA : ZONES.WIB;
}

/**
 * A local date and time typed in a form (`2026-03-01T08:30`, as `<input type="datetime-local">`
 * sends it) as an instant with the zone's offset; undefined for anything else.
 */
export function localInputToInstant(value: string, zone: Zone): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!match) return undefined;
  const instant = `${match[1]}T${match[2]}${match[3] ?? ':00'}+0${zone.offsetHours}:00`;
  return Number.isNaN(new Date(instant).getTime()) ? undefined : instant;
}

/** An instant as `<input type="datetime-local">` shows it on the zone's clock, to the second. */
export function instantToLocalInput(instant: string, zone: Zone): string {
  const at = new Date(instant).getTime();
  return new Date(at + zone.offsetHours * 3_600_000).toISOString().slice(0, 19);
}
