import type { Actor } from '../domain/actor';
import type { PaymentGuarantee } from '../domain/referral/referral.vocabulary';

/**
 * The office a hand-over came from, as the actor of the referral a reaction requests for it.
 * The contracts carry the office's id but not its region; no referral rule reads the region.
 */
export function officeOnBehalf(officeId: string): Actor {
  return { agencyId: officeId, kind: 'dinas-sosial', regionCode: '' };
}

/**
 * Neither an assessment nor a relapse says who pays. A person the office refers is, until it says
 * otherwise, under its own guarantee letter (the usual case for neglected persons without BPJS);
 * the office records the actual guarantee through the API as soon as it has it.
 */
export const GUARANTEE_UNTIL_RECORDED: PaymentGuarantee = { kind: 'dinas-sosial-letter' };
