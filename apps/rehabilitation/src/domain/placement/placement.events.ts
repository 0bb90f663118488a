import type { DomainEvent } from '@lintas/event-store/decider';
import type { AtensiCluster, AtensiSetting } from '../atensi/atensi-settings';
import type {
  DeclineReason,
  PlacementKind,
  RelapseReporter,
  TerminationReason,
  WithdrawalReason,
} from './placement.vocabulary';

/**
 * One placement in a panti/balai, stream `placement-<placementId>`: from the request through
 * admission, the ATENSI plan, services and reviews, relapse and absconding, to termination.
 * Fields named in PLACEMENT_EVENT_DEFINITIONS hold personal data and are encrypted per person.
 */
export type PlacementEvent =
  | DomainEvent<'PlacementRequested', PlacementRequested>
  | DomainEvent<'PlacementWaitlisted', PlacementWaitlisted>
  | DomainEvent<'PlacementDeclined', PlacementDeclined>
  | DomainEvent<'PlacementWithdrawn', PlacementWithdrawn>
  | DomainEvent<'PlacedInPanti', PlacedInPanti>
  | DomainEvent<'AtensiPlanAgreed', AtensiPlanAgreed>
  | DomainEvent<'AtensiServiceDelivered', AtensiServiceDelivered>
  | DomainEvent<'ProgressReviewed', ProgressReviewed>
  | DomainEvent<'RelapseReported', RelapseReported>
  | DomainEvent<'ResidentReturnedFromRsj', ResidentReturnedFromRsj>
  | DomainEvent<'ResidentAbsconded', ResidentAbsconded>
  | DomainEvent<'AbscondedResidentReturned', AbscondedResidentReturned>
  | DomainEvent<'RehabilitationTerminated', RehabilitationTerminated>
  | DomainEvent<'PlacementOwnershipTransferred', PlacementOwnershipTransferred>;

/**
 * The ids every published event carries, so that its integration contract can be written from the
 * event alone (the outbox sees events, not state).
 */
export interface PlacementRef {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
}

export interface PlacementRequested extends PlacementRef {
  /** The Dinas Sosial office that asks and owns the case. */
  officeId: string;
  kind: PlacementKind;
  cluster: AtensiCluster | null;
  /** Personal: why this person needs the panti. */
  reason: string | null;
  at: string;
}

export interface PlacementWaitlisted extends PlacementRef {
  /** Position at the time of waitlisting; it only moves forward after. */
  queuePosition: number;
  at: string;
}

export interface PlacementDeclined extends PlacementRef {
  reason: DeclineReason;
  /** Personal: the panti's explanation. */
  note: string | null;
  at: string;
}

export interface PlacementWithdrawn {
  placementId: string;
  reason: WithdrawalReason;
  at: string;
}

export interface PlacedInPanti extends PlacementRef {
  unit: string | null;
  bed: string | null;
  admittedAt: string;
}

export interface PlannedService {
  serviceType: string;
  subtype: string | null;
}

export interface AtensiPlanAgreed {
  placementId: string;
  /** 1 for the first plan; a revised plan replaces the previous one. */
  planVersion: number;
  /** The ATENSI catalogue version the service codes belong to. */
  catalogueVersion: string;
  /** Personal: goals about this person. */
  goals: string[];
  plannedServices: PlannedService[];
  setting: AtensiSetting;
  familyInvolved: boolean;
  /** Personal: how the family takes part, who, when. */
  familyInvolvementNote: string | null;
  reviewDates: string[];
  at: string;
}

export interface AtensiServiceDelivered {
  placementId: string;
  catalogueVersion: string;
  serviceType: string;
  subtype: string | null;
  deliveredOn: string;
  /** The worker's reference (peksos, therapist), not the resident. */
  deliveredBy: string;
  durationMinutes: number | null;
  /** Personal: what happened in the session. */
  notes: string | null;
  at: string;
}

export interface FunctioningScore {
  domain: string;
  score: number;
}

export interface ProgressReviewed {
  placementId: string;
  instrumentVersion: string;
  reviewedOn: string;
  reviewedBy: string;
  /** Personal: the person's social functioning. */
  scores: FunctioningScore[];
  /** Personal. */
  summary: string | null;
  nextReviewOn: string | null;
  at: string;
}

export interface RelapseReported extends PlacementRef {
  officeId: string;
  /** The RSJ the resident is referred to; health-liaison takes the referral from here. */
  rsjId: string;
  reportedBy: RelapseReporter;
  /** Personal and health data: the signs observed. */
  signsObserved: string | null;
  at: string;
}

export interface ResidentReturnedFromRsj {
  placementId: string;
  /** The RSJ that discharged the resident: after a declined referral it may not be the one first named. */
  rsjId: string | null;
  referralId: string | null;
  at: string;
}

export interface ResidentAbsconded extends PlacementRef {
  /** Personal: where and how the resident was last seen. */
  lastSeen: string | null;
  at: string;
}

export interface AbscondedResidentReturned {
  placementId: string;
  at: string;
}

export interface RehabilitationTerminated extends PlacementRef {
  /** The office that owns the case at the end: the one family-reunification works for. */
  officeId: string;
  reason: TerminationReason;
  /** Personal: recommendations for follow-up (bimbingan lanjut). */
  recommendations: string | null;
  at: string;
}

/** The case moved to another Dinas Sosial office (a transfer to the region of origin). */
export interface PlacementOwnershipTransferred {
  placementId: string;
  fromOfficeId: string;
  toOfficeId: string;
  at: string;
}
