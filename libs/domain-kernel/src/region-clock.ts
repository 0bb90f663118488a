/**
 * Indonesia's three zones by province code (Kemendagri): WIT (UTC+9) for Maluku, Maluku Utara and
 * the Papua provinces (8x, 9x), WITA (UTC+8) for Bali, NTB, NTT, Kalimantan Selatan, Timur and
 * Utara and the Sulawesi provinces (51–53, 63–65, 71–76), WIB (UTC+7) for the rest and for a place
 * not known. One rule for the indicators' months and the console's clocks.
 */
export function utcOffsetHours(regionCode: string | undefined): 7 | 8 | 9 {
  const province = Number(regionCode?.slice(0, 2));
  if (!regionCode || !Number.isInteger(province)) return 7;
  if (province >= 81) return 9;
  if ((province >= 51 && province <= 53) || (province >= 63 && province <= 65) || (province >= 71 && province <= 76)) {
    return 8;
  }
  return 7;
}
