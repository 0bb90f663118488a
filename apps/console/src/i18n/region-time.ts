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

/**
 * The zone of a region by its province code (Kemendagri), by the rule the indicators read months
 * with (docs/indicators.md, "Periods"): WIT (UTC+9) for Maluku, Maluku Utara and Papua (81 and
 * above), WITA (UTC+8) for Bali, NTB, NTT, Kalimantan Selatan, Timur and Utara and the Sulawesi
 * provinces (51–53, 63–65, 71–76), WIB (UTC+7) for the rest and for a region not known. The
 * audit service keeps the same rule in its pure domain, which no other app may import.
 */
export function zoneOf(regionCode: string | undefined): Zone {
  const province = Number(regionCode?.slice(0, 2));
  if (!regionCode || !Number.isInteger(province)) return ZONES.WIB;
  if (province >= 81) return ZONES.WIT;
  if ((province >= 51 && province <= 53) || (province >= 63 && province <= 65) || (province >= 71 && province <= 76)) {
    return ZONES.WITA;
  }
  return ZONES.WIB;
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
