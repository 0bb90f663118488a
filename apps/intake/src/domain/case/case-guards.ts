import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import { type Actor } from '../actor';
import { instantMillis } from '../time';
import { type CaseState, type RegisteredCase } from './case.state';

export function registered(state: CaseState): RegisteredCase {
  if (state.status === 'none') throw new DomainError('case.not-found', 'no such case', 'not-found');
  return state;
}

/**
 * The owning office, on whose behalf a fact another service reports is recorded here: that
 * service has already checked the agency that acted there.
 */
export function owningOffice(state: CaseState): Actor {
  const owned = registered(state);
  return { agencyId: owned.ownerOfficeId, kind: 'dinas-sosial', regionCode: owned.ownerRegionCode };
}

/** One office owns a case at a time (docs/domain.md, "Case ownership"); only it may work on the case. */
export function assertOwner(state: RegisteredCase, actor: Actor): void {
  if (actor.agencyId !== state.ownerOfficeId) {
    throw new NotAPartyError('case', 'case.not-owner', 'only the owning Dinas Sosial office may do this');
  }
}

export function assertOpen(state: RegisteredCase): void {
  if (state.status === 'closed') throw new DomainError('case.closed', 'the case is closed');
}

export function assertAlive(state: RegisteredCase): void {
  if (state.diedAt !== null) throw new DomainError('case.person-deceased', 'the person has died');
}

export function assertInstant(value: string): void {
  if (instantMillis(value) === null) {
    throw new DomainError('case.invalid-time', 'times must be ISO 8601 instants with an offset', 'invalid');
  }
}

export function assertText(value: string, code: string, what: string): void {
  if (value.trim().length === 0) throw new DomainError(code, `${what} must not be empty`, 'invalid');
}
