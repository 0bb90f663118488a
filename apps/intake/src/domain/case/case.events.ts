import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import { type DuplicateReason } from '../duplicates/duplicate-matcher';
import { type Descriptors, type IdentityConfidence, type IdentitySource, type Sex } from '../identity/identity';
import { NIK_FLAGS } from '../identity/nik-check';
import {
  type AbscondedFrom,
  type AssessmentDecision,
  type CaseOutcome,
  type ProcessingBasis,
  type RiskLevel,
} from './case.vocabulary';

/** Structural findings on NIK and KK, for the worker to look at: never a refusal. */
export const IDENTITY_FLAGS = [...NIK_FLAGS, 'kk.not-16-digits'] as const;
export type IdentityFlag = (typeof IDENTITY_FLAGS)[number];

export type IntakeRegistered = DomainEvent<
  'IntakeRegistered',
  {
    caseId: string;
    caseNumber: string;
    personId: string;
    officeId: string;
    officeRegionCode: string;
    pickupId: string | null;
    /** Kabupaten/kota where the person was found: one of the regions the duplicate check compares. */
    foundRegionCode: string;
    categories: string[];
    descriptors: Descriptors | null;
    registeredAt: string;
  }
>;

export type PersonIdentified = DomainEvent<
  'PersonIdentified',
  {
    caseId: string;
    personId: string;
    identifiedBy: string;
    identifiedAt: string;
    nik: string | null;
    kk: string | null;
    name: string;
    aliases: string[];
    birthDate: string | null;
    birthYear: number | null;
    sex: Sex | null;
    address: string | null;
    /** Kabupaten/kota, given or read from a NIK whose region is known. */
    originRegionCode: string | null;
    source: IdentitySource;
    confidence: IdentityConfidence;
    /** Structural findings on NIK and KK: flagged for the worker, never a refusal. */
    flags: IdentityFlag[];
  }
>;

export type DuplicateCandidateFound = DomainEvent<
  'DuplicateCandidateFound',
  {
    caseId: string;
    personId: string;
    candidatePersonId: string;
    score: number;
    strength: 'strong' | 'possible';
    reasons: DuplicateReason[];
    foundAt: string;
  }
>;

export type DuplicateRejected = DomainEvent<
  'DuplicateRejected',
  {
    caseId: string;
    personId: string;
    candidatePersonId: string;
    decidedBy: string;
    reason: string | null;
    rejectedAt: string;
  }
>;

export type PersonsLinked = DomainEvent<
  'PersonsLinked',
  { caseId: string; survivorPersonId: string; linkedPersonId: string; decidedBy: string; linkedAt: string }
>;

export type ConsentRecorded = DomainEvent<
  'ConsentRecorded',
  {
    caseId: string;
    personId: string;
    purpose: string;
    basis: ProcessingBasis;
    capacityNote: string | null;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type AssessmentCompleted = DomainEvent<
  'AssessmentCompleted',
  {
    caseId: string;
    personId: string;
    officeId: string;
    assessorRef: string;
    assessedAt: string;
    decision: AssessmentDecision;
    rsjId: string | null;
    pantiId: string | null;
    needs: string[];
    riskToSelf: RiskLevel | null;
    riskToOthers: RiskLevel | null;
    notes: string | null;
  }
>;

export type CaseTransferRequested = DomainEvent<
  'CaseTransferRequested',
  {
    caseId: string;
    personId: string;
    fromOfficeId: string;
    toOfficeId: string;
    toOfficeRegionCode: string;
    reason: string;
    requestedAt: string;
  }
>;

export type CaseTransferAccepted = DomainEvent<
  'CaseTransferAccepted',
  {
    caseId: string;
    personId: string;
    fromOfficeId: string;
    toOfficeId: string;
    toOfficeRegionCode: string;
    acceptedAt: string;
  }
>;

export type CaseTransferDeclined = DomainEvent<
  'CaseTransferDeclined',
  {
    caseId: string;
    personId: string;
    fromOfficeId: string;
    toOfficeId: string;
    reason: string;
    declinedAt: string;
  }
>;

export type DeathRecorded = DomainEvent<
  'DeathRecorded',
  {
    caseId: string;
    personId: string;
    diedAt: string;
    reportedBy: string;
    certificateRef: string | null;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type AbscondingRecorded = DomainEvent<
  'AbscondingRecorded',
  {
    caseId: string;
    personId: string;
    abscondedAt: string;
    from: AbscondedFrom;
    reportedBy: string;
    recordedAt: string;
  }
>;

export type CaseClosed = DomainEvent<
  'CaseClosed',
  { caseId: string; personId: string; outcome: CaseOutcome; closedBy: string; closedAt: string }
>;

export type CaseEvent =
  | IntakeRegistered
  | PersonIdentified
  | DuplicateCandidateFound
  | DuplicateRejected
  | PersonsLinked
  | ConsentRecorded
  | AssessmentCompleted
  | CaseTransferRequested
  | CaseTransferAccepted
  | CaseTransferDeclined
  | DeathRecorded
  | AbscondingRecorded
  | CaseClosed;

/**
 * Identity, descriptors, PPKS categories (they reveal health: docs/domain.md, "Persons (PPKS)"), needs and risks, and
 * every free-text note about the person are personal; ids, codes, times and decisions are not, so
 * that routing and read models work on them without opening the person's key.
 */
export const CASE_EVENT_DEFINITIONS: EventDefinition[] = [
  { type: 'IntakeRegistered', schemaVersion: 1, personalFields: ['categories', 'descriptors'] },
  {
    type: 'PersonIdentified',
    schemaVersion: 1,
    personalFields: ['nik', 'kk', 'name', 'aliases', 'birthDate', 'birthYear', 'sex', 'address'],
  },
  { type: 'DuplicateCandidateFound', schemaVersion: 1, personalFields: [] },
  { type: 'DuplicateRejected', schemaVersion: 1, personalFields: ['reason'] },
  { type: 'PersonsLinked', schemaVersion: 1, personalFields: [] },
  {
    type: 'ConsentRecorded',
    schemaVersion: 1,
    personalFields: ['basis.guardian', 'basis.whyNoConsent', 'capacityNote'],
  },
  {
    type: 'AssessmentCompleted',
    schemaVersion: 1,
    personalFields: ['needs', 'riskToSelf', 'riskToOthers', 'notes'],
  },
  // The reason is free text about the person (where the family lives), though the contract carries it.
  { type: 'CaseTransferRequested', schemaVersion: 1, personalFields: ['reason'] },
  { type: 'CaseTransferAccepted', schemaVersion: 1, personalFields: [] },
  { type: 'CaseTransferDeclined', schemaVersion: 1, personalFields: ['reason'] },
  { type: 'DeathRecorded', schemaVersion: 1, personalFields: ['certificateRef'] },
  { type: 'AbscondingRecorded', schemaVersion: 1, personalFields: [] },
  { type: 'CaseClosed', schemaVersion: 1, personalFields: [] },
];
