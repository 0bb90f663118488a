import type { Actor } from '../actor';
import type {
  DeclineReason,
  DischargeRecommendation,
  DischargeType,
  PaymentGuarantee,
  ReferralLetter,
  Urgency,
} from './referral.vocabulary';

/** What every command carries: who gives it, when it happened (ISO instant), and the referral it is about. */
interface ReferralCommandBase {
  actor: Actor;
  at: string;
  referralId: string;
}

/**
 * The owning office (the actor) refers a person to a named RSJ. A reaction builds it from an
 * assessment or a relapse, without a letter; the office's own request may bring the letter along.
 */
export interface RequestReferral extends ReferralCommandBase {
  type: 'RequestReferral';
  caseId: string;
  personId: string;
  rsjId: string;
  urgency: Urgency;
  guarantee: PaymentGuarantee;
  letter?: ReferralLetter;
  returnToPlacementId?: string;
  redirectedFromReferralId?: string;
}

export interface SendReferralLetter extends ReferralCommandBase {
  type: 'SendReferralLetter';
  letter: ReferralLetter;
}

export interface RecordPaymentGuarantee extends ReferralCommandBase {
  type: 'RecordPaymentGuarantee';
  guarantee: PaymentGuarantee;
}

export interface AcceptReferral extends ReferralCommandBase {
  type: 'AcceptReferral';
  /** YYYY-MM-DD */
  expectedAdmissionOn?: string;
}

export interface DeclineReferral extends ReferralCommandBase {
  type: 'DeclineReferral';
  reason: DeclineReason;
  note?: string;
}

/** Re-refer a declined person to another RSJ; `newReferralId` names the referral that follows. */
export interface RedirectReferral extends ReferralCommandBase {
  type: 'RedirectReferral';
  newReferralId: string;
  toRsjId: string;
}

export interface WithdrawReferral extends ReferralCommandBase {
  type: 'WithdrawReferral';
  reason: string;
}

/** The case was transferred; the accepting office (the actor) takes the referral over. */
export interface MoveReferralToOffice extends ReferralCommandBase {
  type: 'MoveReferralToOffice';
  fromOfficeId: string;
}

export interface AdmitPatient extends ReferralCommandBase {
  type: 'AdmitPatient';
  ward: string;
  hospitalRecordNumber: string;
}

export interface RecordTreatmentNote extends ReferralCommandBase {
  type: 'RecordTreatmentNote';
  note: string;
}

export interface DischargePatient extends ReferralCommandBase {
  type: 'DischargePatient';
  dischargeType: DischargeType;
  recommendation: DischargeRecommendation;
  pantiId?: string;
  medicationPlan: string;
  summary?: string;
  nextControlDate?: string;
}

export interface ReportAbsconding extends ReferralCommandBase {
  type: 'ReportAbsconding';
  lastSeen?: string;
}

/** `at` is the time of death. */
export interface ReportDeath extends ReferralCommandBase {
  type: 'ReportDeath';
  place?: string;
  certificateReference?: string;
}

export type ReferralCommand =
  | RequestReferral
  | SendReferralLetter
  | RecordPaymentGuarantee
  | AcceptReferral
  | DeclineReferral
  | RedirectReferral
  | WithdrawReferral
  | MoveReferralToOffice
  | AdmitPatient
  | RecordTreatmentNote
  | DischargePatient
  | ReportAbsconding
  | ReportDeath;
