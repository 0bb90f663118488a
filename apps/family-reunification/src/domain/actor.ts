/** The kinds of agency that act in Lintas (docs/domain.md, "Agencies and access"). */
export type AgencyKind = 'satpol-pp' | 'polri' | 'dinas-sosial' | 'dinas-sosial-provinsi' | 'rsj' | 'panti' | 'admin';

/** Who gives a command: an agency of some kind, in a region (Kemendagri code). */
export interface Actor {
  agencyId: string;
  kind: AgencyKind;
  regionCode: string;
}
