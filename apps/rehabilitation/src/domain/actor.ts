/** The kinds of agency that act in Lintas (docs/domain.md, "Agencies and access"). */
export type AgencyKind = 'satpol-pp' | 'polri' | 'dinas-sosial' | 'dinas-sosial-provinsi' | 'rsj' | 'panti' | 'admin';

/** Who issues a command: an agency, its kind and the region it serves; checked against the aggregate. */
export interface Actor {
  agencyId: string;
  kind: AgencyKind;
  regionCode: string;
}

export function isDinasSosial(actor: Actor): boolean {
  return actor.kind === 'dinas-sosial' || actor.kind === 'dinas-sosial-provinsi';
}
