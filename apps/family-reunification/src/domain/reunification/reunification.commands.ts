import type { Actor } from '../actor';
import type { CaseOutcome, FamilyReadiness, LongTermReason, TracingTrigger } from './reunification.vocabulary';

/** Every command names its reunification, who gives it and when it happened in the field. */
interface CommandBase {
  reunificationId: string;
  actor: Actor;
  /** ISO 8601 time the fact happened: in the field, or now. */
  at: string;
}

/** The owning Dinas Sosial office starts looking for the family; the reunificationId is new. */
export interface StartFamilyTracing extends CommandBase {
  type: 'StartFamilyTracing';
  caseId: string;
  personId: string;
  startedFrom: TracingTrigger;
  /** Names and places the person mentions, tracing requests filed by others. */
  leads: readonly string[];
}

export interface AddTracingLeads extends CommandBase {
  type: 'AddTracingLeads';
  leads: readonly string[];
}

export interface RecordFamilyTraced extends CommandBase {
  type: 'RecordFamilyTraced';
  relation: string;
  familyMemberName?: string;
  /** Phone, address, or how else the family is reached. */
  contact: string;
  /** Kemendagri code where the family lives, kabupaten/kota (4 digits) or finer. */
  regionCode: string;
  /** How the family and its relation to the person were confirmed, e.g. 'Dukcapil record', 'home visit'. */
  verifiedBy: string;
}

export interface RecordFamilyNotFound extends CommandBase {
  type: 'RecordFamilyNotFound';
  efforts: string;
}

export interface CompleteHomeVisit extends CommandBase {
  type: 'CompleteHomeVisit';
  readiness: FamilyReadiness;
  risks?: string;
  /** E.g. medication, income, housing. */
  needs?: readonly string[];
  notes?: string;
  /** When the family refuses, the visit is also the family declining the return, for this reason. */
  refusalReason?: string;
}

export interface RecordFamilyDeclinedReturn extends CommandBase {
  type: 'RecordFamilyDeclinedReturn';
  reason?: string;
}

/** The family lives in another kabupaten/kota: the person goes to the Dinas Sosial there. */
export interface TransferToRegionOfOrigin extends CommandBase {
  type: 'TransferToRegionOfOrigin';
  toOfficeId: string;
  escort?: string;
  /** Who at the receiving office took the person over. */
  handedTo?: string;
}

/** From intake's CaseTransferAccepted: the receiving office owns the case from now on. */
export interface MoveCaseOwnership extends CommandBase {
  type: 'MoveCaseOwnership';
  toOfficeId: string;
}

/** From intake's CaseTransferDeclined: the transfer will not happen; the sending office keeps the case. */
export interface RecordTransferDeclined extends CommandBase {
  type: 'RecordTransferDeclined';
  toOfficeId: string;
}

export interface HandedToFamilyMember {
  name: string;
  relation: string;
}

export interface CompleteReunification extends CommandBase {
  type: 'CompleteReunification';
  handedTo: HandedToFamilyMember;
  place: string;
  documentsHandedOver: readonly string[];
  medicationHandedOver?: string;
  /** The puskesmas asked to take part in the follow-up visits. */
  puskesmasId?: string;
  /** Months after the reunification at which follow-ups are due; the decider's configuration when absent. */
  followUpOffsetsMonths?: readonly number[];
}

export interface ArrangeLongTermPlacement extends CommandBase {
  type: 'ArrangeLongTermPlacement';
  pantiId: string;
  reason: LongTermReason;
  /** ISO date (YYYY-MM-DD) when the placement is to be reviewed. */
  reviewOn?: string;
}

export interface CompleteFollowUpVisit extends CommandBase {
  type: 'CompleteFollowUpVisit';
  visit: number;
  condition: string;
  medicationAdherence: string;
  socialFunctioning: string;
  puskesmasContacted?: boolean;
}

export interface RecordFollowUpMissed extends CommandBase {
  type: 'RecordFollowUpMissed';
  visit: number;
}

export interface ReportRelapse extends CommandBase {
  type: 'ReportRelapse';
  signs: string;
}

/** From health-liaison's PersonDied: stops everything but the closure. */
export interface RecordPersonDeath extends CommandBase {
  type: 'RecordPersonDeath';
  diedAt: string;
  reportedBy: string;
}

export interface CloseCase extends CommandBase {
  type: 'CloseCase';
  outcome: CaseOutcome;
}

export type ReunificationCommand =
  | StartFamilyTracing
  | AddTracingLeads
  | RecordFamilyTraced
  | RecordFamilyNotFound
  | CompleteHomeVisit
  | RecordFamilyDeclinedReturn
  | TransferToRegionOfOrigin
  | MoveCaseOwnership
  | RecordTransferDeclined
  | CompleteReunification
  | ArrangeLongTermPlacement
  | CompleteFollowUpVisit
  | RecordFollowUpMissed
  | ReportRelapse
  | RecordPersonDeath
  | CloseCase;
