import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import { isDinasSosial, type Actor } from '../actor';
import type { Placement, PlacementState } from './placement.state';

/** The rules every placement command starts with: it exists, and this agency may act on it. */
export function existingPlacement(state: PlacementState, placementId: string): Placement {
  if (state.status === 'none') throw new DomainError('placement.not-found', `no placement ${placementId}`, 'not-found');
  return state;
}

export function isAddressedPanti(actor: Actor, placement: Placement): boolean {
  return actor.kind === 'panti' && actor.agencyId === placement.pantiId;
}

export function isOwningOffice(actor: Actor, placement: Placement): boolean {
  return isDinasSosial(actor) && actor.agencyId === placement.officeId;
}

export function requireAddressedPanti(actor: Actor, placement: Placement): void {
  if (!isAddressedPanti(actor, placement)) {
    throw new NotAPartyError(
      'placement',
      'placement.not-addressed-panti',
      'only the panti the placement is addressed to may do this',
    );
  }
}

export function requirePantiOrOffice(actor: Actor, placement: Placement): void {
  if (!isAddressedPanti(actor, placement) && !isOwningOffice(actor, placement)) {
    throw new NotAPartyError(
      'placement',
      'placement.not-panti-or-office',
      'only the panti or the Dinas Sosial office that owns the case may do this',
    );
  }
}

export function requireResident(placement: Placement): void {
  if (placement.status !== 'resident') {
    throw new DomainError('placement.not-resident', `the person is not a resident now (${placement.status})`);
  }
}
