import { NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { WriteCause } from './write-cause';

/**
 * An office's direct request about a case (a referral, a placement) that this service already
 * holds work of: the case belongs to the offices that work is for, and to any other office it does
 * not exist. A case new here is the asking office's: the service knows no more of it, and its id
 * is one only the owning office was given. Reactions act for the office their event names.
 */
export function assertCaseOwnedHere(owningOffices: ReadonlySet<string>, cause: WriteCause): void {
  if (cause.kind !== 'request' || owningOffices.size === 0 || owningOffices.has(cause.agency.agencyId)) return;
  throw new NotAPartyError('case', 'case.owned-by-another-office', 'another office owns this case');
}
