import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { RedirectReferral, RequestReferral } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { requireLive, requireOpen, requireOwningOffice, requireStatus } from './referral.guards';
import type { Referral, ReferralState } from './referral.state';

/**
 * A declined referral is redirected in two steps, one per stream: `RedirectReferral` closes the
 * declined one with an event naming the new referral, then `redirectedRequest` gives the
 * `RequestReferral` that opens the new one. Both steps are idempotent, so a handler that failed
 * between them simply runs both again.
 */
export function redirectReferral(command: RedirectReferral, referral: Referral): ReferralEvent[] {
  requireOwningOffice(referral, command.actor);
  requireLive(referral);
  if (referral.status === 'redirected') {
    if (isSameRedirect(referral, command)) return [];
    throw new DomainError('referral.already-redirected', 'the referral was redirected elsewhere');
  }
  requireOpen(referral);
  requireStatus(referral, ['declined'], 'referral.not-declined');
  if (command.toRsjId === referral.ref.rsjId) {
    throw new DomainError('referral.redirect-to-same-rsj', 'a redirect goes to another RSJ', 'invalid');
  }
  if (command.newReferralId === referral.ref.referralId) {
    throw new DomainError('referral.redirect-to-itself', 'the new referral needs its own id', 'invalid');
  }
  return [
    {
      type: 'RsjReferralRedirected',
      data: { ...referral.ref, newReferralId: command.newReferralId, toRsjId: command.toRsjId, at: command.at },
    },
  ];
}

/** The request that opens the new referral: the same person, case, guarantee and letter, to the new RSJ. */
export function redirectedRequest(state: ReferralState, command: RedirectReferral): RequestReferral {
  if (state.status !== 'redirected' || !isSameRedirect(state, command)) {
    throw new DomainError('referral.not-redirected', 'the referral was not redirected there');
  }
  return {
    type: 'RequestReferral',
    actor: command.actor,
    at: command.at,
    referralId: command.newReferralId,
    caseId: state.ref.caseId,
    personId: state.ref.personId,
    rsjId: command.toRsjId,
    urgency: state.urgency,
    guarantee: state.guarantee,
    ...(state.letter && { letter: state.letter }),
    ...(state.returnToPlacementId && { returnToPlacementId: state.returnToPlacementId }),
    redirectedFromReferralId: state.ref.referralId,
  };
}

function isSameRedirect(referral: Referral, command: RedirectReferral): boolean {
  return referral.redirectedTo?.referralId === command.newReferralId && referral.redirectedTo.rsjId === command.toRsjId;
}
