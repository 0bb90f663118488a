import { type Actor, type AgencyRef } from '../actor';
import { type PersonProfile } from '../duplicates/duplicate-matcher';
import { type Descriptors, type IdentityConfidence, type IdentitySource, type Sex } from '../identity/identity';
import {
  type AbscondedFrom,
  type AssessmentDecision,
  type CaseOutcome,
  type ProcessingBasis,
  type RiskLevel,
} from './case.vocabulary';

interface CaseCommandBase {
  caseId: string;
  actor: Actor;
  at: string;
}

/** The pickup a case starts from, as its stream says after the hand-over (read by the handler). */
export interface HandedOverPickup {
  pickupId: string;
  personId: string;
  officeId: string;
  regionCode: string;
}

/**
 * The receiving office opens a case. The sequence of the case number is allocated outside the
 * domain, per office and per year (see caseYear).
 */
export interface RegisterIntake extends CaseCommandBase {
  type: 'RegisterIntake';
  personId: string;
  caseSequence: number;
  /** PPKS categories, e.g. 'gelandangan-psikotik': data, not an enum (docs/domain.md, "Persons (PPKS)"). */
  categories: string[];
  /** Absent for a person brought to the office directly (a family, a public report). */
  pickup?: HandedOverPickup;
  descriptors?: Descriptors;
}

export interface PersonIdentity {
  nik?: string;
  kk?: string;
  name: string;
  aliases?: string[];
  /** `YYYY-MM-DD`; when only the year is known, birthYear. */
  birthDate?: string;
  birthYear?: number;
  sex?: Sex;
  address?: string;
  /** Kemendagri code of the region of origin: kabupaten/kota or finer; kept at kabupaten/kota. */
  originRegionCode?: string;
  source: IdentitySource;
  confidence: IdentityConfidence;
}

/** Who the person is, from documents, family, Dukcapil or their own word; may come weeks later, or be corrected. */
export interface IdentifyPerson extends CaseCommandBase {
  type: 'IdentifyPerson';
  identity: PersonIdentity;
}

/** Earlier persons to compare with, chosen by the handler from its read model. */
export interface FindDuplicateCandidates extends CaseCommandBase {
  type: 'FindDuplicateCandidates';
  earlierPersons: PersonProfile[];
}

export interface RejectDuplicate extends CaseCommandBase {
  type: 'RejectDuplicate';
  candidatePersonId: string;
  reason?: string;
}

/** This case's person is the survivor's: their histories join, both are kept. */
export interface LinkPersons extends CaseCommandBase {
  type: 'LinkPersons';
  survivorPersonId: string;
}

export interface RecordConsent extends CaseCommandBase {
  type: 'RecordConsent';
  /** What the data is processed for, e.g. 'case-management', 'health-referral', 'family-tracing'. */
  purpose: string;
  basis: ProcessingBasis;
  capacityNote?: string;
}

export interface CompleteAssessment extends CaseCommandBase {
  type: 'CompleteAssessment';
  assessorRef: string;
  decision: AssessmentDecision;
  rsjId?: string;
  pantiId?: string;
  needs?: string[];
  riskToSelf?: RiskLevel;
  riskToOthers?: RiskLevel;
  notes?: string;
}

export interface RequestCaseTransfer extends CaseCommandBase {
  type: 'RequestCaseTransfer';
  toOffice: AgencyRef;
  /** Why the case belongs there: the region of origin, where the family lives. */
  reason: string;
}

export interface AcceptCaseTransfer extends CaseCommandBase {
  type: 'AcceptCaseTransfer';
}

export interface DeclineCaseTransfer extends CaseCommandBase {
  type: 'DeclineCaseTransfer';
  reason: string;
}

/** From health-liaison's PersonDied, rehabilitation's termination, or the office itself. */
export interface RecordDeath extends CaseCommandBase {
  type: 'RecordDeath';
  diedAt: string;
  reportedBy: string;
  certificateRef?: string;
}

/** From health-liaison's PatientAbsconded, rehabilitation's ResidentAbsconded, or the shelter. */
export interface RecordAbsconding extends CaseCommandBase {
  type: 'RecordAbsconding';
  abscondedAt: string;
  from: AbscondedFrom;
  reportedBy: string;
}

/** From family-reunification's CaseClosed, or the owning office. */
export interface CloseCase extends CaseCommandBase {
  type: 'CloseCase';
  outcome: CaseOutcome;
}

export type CaseCommand =
  | RegisterIntake
  | IdentifyPerson
  | FindDuplicateCandidates
  | RejectDuplicate
  | LinkPersons
  | RecordConsent
  | CompleteAssessment
  | RequestCaseTransfer
  | AcceptCaseTransfer
  | DeclineCaseTransfer
  | RecordDeath
  | RecordAbsconding
  | CloseCase;
