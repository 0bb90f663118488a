import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { RequestReferral } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { requireOffice } from './referral.guards';
import type { Referral, ReferralState } from './referral.state';

export function requestReferral(command: RequestReferral, state: ReferralState): ReferralEvent[] {
  requireOffice(command.actor);
  if (state.status !== 'none') {
    // A referral id names one request: the same request again (a retried reaction or redirect) is no new fact.
    if (isSameRequest(state, command)) return [];
    throw new DomainError('referral.already-exists', 'this referral id names another request');
  }
  const ref = {
    referralId: command.referralId,
    caseId: command.caseId,
    personId: command.personId,
    rsjId: command.rsjId,
  };
  const requested: ReferralEvent = {
    type: 'RsjReferralRequested',
    data: {
      ...ref,
      officeId: command.actor.agencyId,
      urgency: command.urgency,
      guarantee: command.guarantee,
      at: command.at,
      ...(command.returnToPlacementId && { returnToPlacementId: command.returnToPlacementId }),
      ...(command.redirectedFromReferralId && { redirectedFromReferralId: command.redirectedFromReferralId }),
    },
  };
  if (!command.letter) return [requested];
  return [requested, { type: 'ReferralLetterSent', data: { ...ref, letter: command.letter, at: command.at } }];
}

function isSameRequest(referral: Referral, command: RequestReferral): boolean {
  return (
    referral.ref.caseId === command.caseId &&
    referral.ref.personId === command.personId &&
    referral.ref.rsjId === command.rsjId &&
    referral.returnToPlacementId === command.returnToPlacementId &&
    referral.redirectedFromReferralId === command.redirectedFromReferralId
  );
}
