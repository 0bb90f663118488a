import type { DomainEvent } from '@lintas/event-store/decider';
import type { CaseOutcome, FamilyReadiness, LongTermReason, TracingTrigger } from './reunification.vocabulary';

/**
 * Every event names the reunification, its case and person, and the office owning the case when it
 * happened, so that each maps to its integration contract on its own, without the stream's state.
 */
export interface ReunificationRef {
  reunificationId: string;
  caseId: string;
  personId: string;
  officeId: string;
}

type Event<Type extends string, Data> = DomainEvent<Type, ReunificationRef & Data & { at: string }>;

export type FamilyTracingStarted = Event<'FamilyTracingStarted', { startedFrom: TracingTrigger; leads: string[] }>;

export type TracingLeadsAdded = Event<'TracingLeadsAdded', { leads: string[] }>;

export type FamilyTraced = Event<
  'FamilyTraced',
  {
    relation: string;
    familyMemberName?: string;
    contact: string;
    regionCode: string;
    verifiedBy: string;
  }
>;

export type FamilyNotFound = Event<'FamilyNotFound', { efforts: string }>;

export type HomeVisitCompleted = Event<
  'HomeVisitCompleted',
  { readiness: FamilyReadiness; risks?: string; needs: string[]; notes?: string }
>;

export type FamilyDeclinedReturn = Event<'FamilyDeclinedReturn', { reason?: string }>;

/**
 * `officeId` is the owner when the person moved: the sender while the receiving office has yet to
 * accept the case, the receiver when intake's acceptance came first.
 */
export type TransferredToRegionOfOrigin = Event<
  'TransferredToRegionOfOrigin',
  { fromOfficeId: string; toOfficeId: string; escort?: string; handedTo?: string }
>;

/** `officeId` is the new owner, the same as `toOfficeId`. */
export type CaseOwnershipMoved = Event<'CaseOwnershipMoved', { fromOfficeId: string; toOfficeId: string }>;

export type TransferDeclined = Event<'TransferDeclined', { toOfficeId: string }>;

export type ReunificationCompleted = Event<
  'ReunificationCompleted',
  {
    handedTo: { name: string; relation: string };
    place: string;
    documentsHandedOver: string[];
    medicationHandedOver?: string;
  }
>;

export type FollowUpScheduled = Event<'FollowUpScheduled', { visit: number; dueOn: string; puskesmasId?: string }>;

export type FollowUpVisitCompleted = Event<
  'FollowUpVisitCompleted',
  {
    visit: number;
    condition: string;
    medicationAdherence: string;
    socialFunctioning: string;
    puskesmasContacted?: boolean;
  }
>;

export type FollowUpMissed = Event<'FollowUpMissed', { visit: number; overdueSince: string }>;

export type RelapseReportedByFamily = Event<'RelapseReportedByFamily', { signs: string }>;

export type LongTermPlacementArranged = Event<
  'LongTermPlacementArranged',
  { pantiId: string; reason: LongTermReason; reviewOn?: string }
>;

export type PersonDeathRecorded = Event<'PersonDeathRecorded', { diedAt: string; reportedBy: string }>;

export type CaseClosed = Event<'CaseClosed', { outcome: CaseOutcome }>;

export type ReunificationEvent =
  | FamilyTracingStarted
  | TracingLeadsAdded
  | FamilyTraced
  | FamilyNotFound
  | HomeVisitCompleted
  | FamilyDeclinedReturn
  | TransferredToRegionOfOrigin
  | CaseOwnershipMoved
  | TransferDeclined
  | ReunificationCompleted
  | FollowUpScheduled
  | FollowUpVisitCompleted
  | FollowUpMissed
  | RelapseReportedByFamily
  | LongTermPlacementArranged
  | PersonDeathRecorded
  | CaseClosed;

export type ReunificationEventType = ReunificationEvent['type'];
