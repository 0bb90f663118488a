/** The kinds of agency that act in Lintas (docs/domain.md, "Agencies and access"). */
export type AgencyKind = 'satpol-pp' | 'polri' | 'dinas-sosial' | 'dinas-sosial-provinsi' | 'rsj' | 'panti' | 'admin';

/** Who gives a command: the agency, its kind and its region, as the HTTP edge or a reaction knows it. */
export interface Actor {
  agencyId: string;
  kind: AgencyKind;
  regionCode: string;
}
