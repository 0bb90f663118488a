import type { AgencyRef } from '../domain/actor';

/**
 * Who an agency id names, for the commands that address another agency (a hand-over, a case
 * transfer): the domain needs its kind and region. Lintas has no agency register yet; agency ids
 * follow the contracts' convention (`dinsos-3571`), which is read here. A register replaces this.
 */
export interface AgencyDirectory {
  find(agencyId: string): AgencyRef | undefined;
}

export const AGENCY_DIRECTORY = Symbol('AgencyDirectory');

export class ConventionAgencyDirectory implements AgencyDirectory {
  find(agencyId: string): AgencyRef | undefined {
    const office = /^dinsos-(\d{4})$/.exec(agencyId);
    if (office?.[1]) return { agencyId, kind: 'dinas-sosial', regionCode: office[1] };
    const province = /^dinsos-(\d{2})$/.exec(agencyId);
    if (province?.[1]) return { agencyId, kind: 'dinas-sosial-provinsi', regionCode: province[1] };
    return undefined;
  }
}
