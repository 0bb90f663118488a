import type { ReferralRef } from './referral.events';
import type { PaymentGuarantee, ReferralLetter, Urgency } from './referral.vocabulary';

/**
 * Where a referral stands. `requested`, `accepted`, `declined` and `admitted` are open;
 * `redirected`, `withdrawn` and `discharged` closed it the ordinary way; `absconded` and `dead`
 * are terminal: they stop every open flow of the person.
 */
export const REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'admitted',
  'redirected',
  'withdrawn',
  'discharged',
  'absconded',
  'dead',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const CLOSED_STATUSES: readonly ReferralStatus[] = ['redirected', 'withdrawn', 'discharged'];
export const TERMINAL_STATUSES: readonly ReferralStatus[] = ['absconded', 'dead'];

export interface Referral {
  status: ReferralStatus;
  ref: ReferralRef;
  officeId: string;
  urgency: Urgency;
  guarantee: PaymentGuarantee;
  letter?: ReferralLetter;
  returnToPlacementId?: string;
  redirectedFromReferralId?: string;
  redirectedTo?: { referralId: string; rsjId: string };
  admittedAt?: string;
}

export type ReferralState = { status: 'none' } | Referral;

export const initialReferralState: ReferralState = { status: 'none' };

/** Requested, accepted, declined or admitted: neither closed nor ended for good. */
export function isOpen(state: ReferralState): state is Referral {
  return (
    state.status !== 'none' && !CLOSED_STATUSES.includes(state.status) && !TERMINAL_STATUSES.includes(state.status)
  );
}
