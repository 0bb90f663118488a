import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AgencyRef } from '../domain/actor';
import type { AgencyDirectory } from '../reference-data/agency-directory';

/** The agency a command addresses, or a 422 naming the field when Lintas does not know it. */
export function addressedAgency(agencies: AgencyDirectory, agencyId: string, field: string): AgencyRef {
  const agency = agencies.find(agencyId);
  if (!agency) throw new DomainError('agency.unknown', `${field}: no agency '${agencyId}' is known`, 'invalid');
  return agency;
}
