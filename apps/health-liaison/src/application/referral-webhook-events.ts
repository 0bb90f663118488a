import {
  PatientAbscondedV1,
  PatientAdmittedV1,
  PatientDischargedV1,
  PersonDiedV1,
  RsjReferralAcceptedV1,
  RsjReferralDeclinedV1,
  RsjReferralRequestedV1,
  RsjReferralWithdrawnV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';

/** The referral events an agency may subscribe to (webhooks) or pull (the referral feed). */
export const REFERRAL_WEBHOOK_CONTRACTS = [
  RsjReferralRequestedV1,
  RsjReferralAcceptedV1,
  RsjReferralDeclinedV1,
  RsjReferralWithdrawnV1,
  PatientAdmittedV1,
  PatientDischargedV1,
  PatientAbscondedV1,
  PersonDiedV1,
] as const;

export const REFERRAL_WEBHOOK_EVENT_TYPES: readonly string[] = REFERRAL_WEBHOOK_CONTRACTS.map((c) => c.type);

/**
 * Who may be told of an event (the access rule of the referral work queue): a referral's events
 * go to the RSJ it is addressed to, a death to the agency that reported it.
 */
export function audienceOf(data: { rsjId?: string; reportedBy?: string }): string | undefined {
  return data.rsjId ?? data.reportedBy;
}
