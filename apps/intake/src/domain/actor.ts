export type AgencyKind = 'satpol-pp' | 'polri' | 'dinas-sosial' | 'dinas-sosial-provinsi' | 'rsj' | 'panti' | 'admin';

/** Who issues a command: the agency, its kind and its region code (2 digits province, 4 kab/kota). */
export interface Actor {
  agencyId: string;
  kind: AgencyKind;
  regionCode: string;
}

/** An agency a command is addressed to (a receiving office): the same three facts as an actor. */
export type AgencyRef = Actor;
