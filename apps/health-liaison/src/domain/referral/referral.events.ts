import type { DomainEvent } from '@lintas/event-store/decider';
import type {
  DeclineReason,
  DischargeRecommendation,
  DischargeType,
  PaymentGuarantee,
  ReferralLetter,
  Urgency,
} from './referral.vocabulary';

/**
 * Who a referral is about and to whom it goes. Every event carries it, so that contracts and
 * projections map one event without folding the stream.
 */
export interface ReferralRef {
  referralId: string;
  caseId: string;
  personId: string;
  rsjId: string;
}

export type RsjReferralRequested = DomainEvent<
  'RsjReferralRequested',
  ReferralRef & {
    /** The Dinas Sosial office that owns the case and asks. */
    officeId: string;
    urgency: Urgency;
    guarantee: PaymentGuarantee;
    at: string;
    /** A panti resident relapsed: the placement they return to after discharge. */
    returnToPlacementId?: string;
    /** The declined referral this one re-refers. */
    redirectedFromReferralId?: string;
  }
>;

/** The referral letter, sent with the request or later (the request may come from a reaction, which has none). */
export type ReferralLetterSent = DomainEvent<
  'ReferralLetterSent',
  ReferralRef & { letter: ReferralLetter; at: string }
>;

export type PaymentGuaranteeRecorded = DomainEvent<
  'PaymentGuaranteeRecorded',
  ReferralRef & { guarantee: PaymentGuarantee; at: string }
>;

export type RsjReferralAccepted = DomainEvent<
  'RsjReferralAccepted',
  ReferralRef & { at: string; expectedAdmissionOn?: string }
>;

export type RsjReferralDeclined = DomainEvent<
  'RsjReferralDeclined',
  ReferralRef & { reason: DeclineReason; note?: string; at: string }
>;

/** The office sends the declined person elsewhere: a new referral, requested in its own stream. */
export type RsjReferralRedirected = DomainEvent<
  'RsjReferralRedirected',
  ReferralRef & { newReferralId: string; toRsjId: string; at: string }
>;

export type RsjReferralWithdrawn = DomainEvent<'RsjReferralWithdrawn', ReferralRef & { reason: string; at: string }>;

/** The case moved to another office (a transfer to the region of origin), and its referral with it. */
export type ReferralMovedToOffice = DomainEvent<
  'ReferralMovedToOffice',
  ReferralRef & { fromOfficeId: string; toOfficeId: string; at: string }
>;

export type PatientAdmitted = DomainEvent<
  'PatientAdmitted',
  ReferralRef & { admittedAt: string; ward: string; hospitalRecordNumber: string }
>;

export type TreatmentNoteRecorded = DomainEvent<'TreatmentNoteRecorded', ReferralRef & { note: string; at: string }>;

export type PatientDischarged = DomainEvent<
  'PatientDischarged',
  ReferralRef & {
    officeId: string;
    dischargedAt: string;
    dischargeType: DischargeType;
    recommendation: DischargeRecommendation;
    /** Only with the `panti` recommendation. */
    pantiId?: string;
    returnToPlacementId?: string;
    medicationPlan: string;
    /** What the next carer needs to know (the panti reads it). */
    summary?: string;
    /** YYYY-MM-DD */
    nextControlDate?: string;
  }
>;

export type PatientAbsconded = DomainEvent<'PatientAbsconded', ReferralRef & { at: string; lastSeen?: string }>;

export type PersonDied = DomainEvent<
  'PersonDied',
  ReferralRef & { at: string; reportedBy: string; place?: string; certificateReference?: string }
>;

export type ReferralEvent =
  | RsjReferralRequested
  | ReferralLetterSent
  | PaymentGuaranteeRecorded
  | RsjReferralAccepted
  | RsjReferralDeclined
  | RsjReferralRedirected
  | RsjReferralWithdrawn
  | ReferralMovedToOffice
  | PatientAdmitted
  | TreatmentNoteRecorded
  | PatientDischarged
  | PatientAbsconded
  | PersonDied;

export type ReferralEventType = ReferralEvent['type'];
