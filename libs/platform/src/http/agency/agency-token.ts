export const AGENCY_KINDS = [
  'satpol-pp',
  'polri',
  'dinas-sosial',
  'dinas-sosial-provinsi',
  'rsj',
  'panti',
  'admin',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The scope of administering Lintas (erase, replay, verify, register): no agency kind implies it. */
export const ADMIN_SCOPE = 'lintas.admin';

/** Who calls: an agency's system (and, where it says so, the user behind it). */
export interface AgencyActor {
  agencyId: string;
  kind: AgencyKind;
  /** The kab/kota (4 digits) or province (2 digits) the agency serves: access follows it. */
  regionCode: string;
  clientId: string;
  userId?: string;
  /** The token's scopes, where it has any: what no agency kind implies (administering Lintas). */
  scopes?: string[];
  /**
   * The agencies whose parent office in the agency register is this agency (a provincial office's
   * UPTs and kab/kota offices), where it has any: the token's `supervised_agencies` claim. What
   * the relationship lets it read is each service's rule; it never lets it act for them.
   */
  supervises?: string[];
}
