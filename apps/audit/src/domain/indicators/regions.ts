export type RegionLevel = 'province' | 'kabupaten-kota';

/**
 * The region a Dinas Sosial's agency id names, by the contracts' convention (`dinsos-3507` is the
 * office of kabupaten/kota 3507, `dinsos-35` the provincial office of 35): no event carries an
 * office's region, and Lintas has no agency register the audit service could ask. Undefined for an
 * id of another form.
 */
export function officeRegion(agencyId: string | null | undefined): string | undefined {
  const match = /^dinsos-(\d{2}|\d{4})$/.exec(agencyId ?? '');
  return match?.[1];
}

/**
 * A region code cut to the levels the indicators count at: a kecamatan (6) or desa (10) code to
 * its kabupaten/kota (4 digits); a province (2) stays one. Undefined when it is no region code.
 */
export function countedRegion(code: string | null | undefined): string | undefined {
  if (!code || !/^(\d{2}|\d{4}|\d{6}|\d{10})$/.test(code)) return undefined;
  return code.length === 2 ? code : code.slice(0, 4);
}

/** The rows a fact of a region counts in: its kabupaten/kota (when known) and its province. */
export function levelsOf(region: string): { level: RegionLevel; code: string }[] {
  const province = { level: 'province' as const, code: region.slice(0, 2) };
  return region.length === 4 ? [{ level: 'kabupaten-kota', code: region }, province] : [province];
}

/**
 * Whether a row is inside the asked region: everything when none is asked; a province (2 digits)
 * holds its own row and its kabupaten/kota rows; a kabupaten/kota (4 digits) its own row only.
 */
export function withinRegion(asked: string | null, rowCode: string): boolean {
  if (asked === null) return true;
  return asked.length === 2 ? rowCode.startsWith(asked) : rowCode === asked;
}

/** Who asks, as far as the indicators care: the agency kind and the region it serves. */
export interface RegionCaller {
  kind: string;
  regionCode: string;
}

export type RegionAccess = { allowed: true; region: string | null } | { allowed: false; reason: string };

/**
 * Which region a caller may read and reads: an admin any, all by default; a kabupaten/kota Dinas
 * Sosial its own kabupaten/kota only; a provincial Dinas Sosial its province or one of the
 * province's kabupaten/kota, its province by default. Nobody else.
 */
export function regionAccess(caller: RegionCaller, asked: string | undefined): RegionAccess {
  if (asked !== undefined && !/^(\d{2}|\d{4})$/.test(asked)) {
    return { allowed: false, reason: `not a province (2 digits) or kabupaten/kota (4 digits) code: '${asked}'` };
  }
  const own = caller.regionCode;
  switch (caller.kind) {
    case 'admin':
      return { allowed: true, region: asked ?? null };
    case 'dinas-sosial':
      if (!/^\d{4}$/.test(own)) return { allowed: false, reason: 'the office serves no kabupaten/kota' };
      if (asked === undefined || asked === own) return { allowed: true, region: own };
      return { allowed: false, reason: `a kabupaten/kota office reads its own region (${own}) only` };
    case 'dinas-sosial-provinsi':
      if (!/^\d{2}$/.test(own)) return { allowed: false, reason: 'the office serves no province' };
      if (asked === undefined || asked.startsWith(own)) return { allowed: true, region: asked ?? own };
      return { allowed: false, reason: `a provincial office reads its own province (${own}) only` };
    default:
      return { allowed: false, reason: `an agency of kind '${caller.kind}' reads no indicators` };
  }
}
