import type { DomainEvent } from '@lintas/event-store/decider';
import type { Evidence } from '@lintas/person-matching/match-score';
import type { FamilyChannel } from '@lintas/domain-kernel/family-channel';
import type { LastSeen, Requester, SoughtPerson } from './tracing-request.vocabulary';

/**
 * Every event names the request, the person sought (whose key seals its personal fields) and the
 * office owning it, so that each maps to a projection or contract on its own.
 */
export interface TracingRequestRef {
  tracingRequestId: string;
  personId: string;
  officeId: string;
}

type Event<Type extends string, Data> = DomainEvent<Type, TracingRequestRef & Data & { at: string }>;

export type TracingRequestRegistered = Event<
  'TracingRequestRegistered',
  { registeredBy: string; channel: FamilyChannel; requester: Requester; sought: SoughtPerson; lastSeen: LastSeen }
>;

/** Only the parts that changed, each whole. */
export type TracingRequestUpdated = Event<
  'TracingRequestUpdated',
  { updatedBy: string; requester?: Requester; sought?: SoughtPerson; lastSeen?: LastSeen }
>;

export type TracingRequestWithdrawn = Event<'TracingRequestWithdrawn', { withdrawnBy: string; reason?: string }>;

export type TracingRequestClosedAsFound = Event<
  'TracingRequestClosedAsFound',
  { closedBy: string; foundPersonId?: string; note?: string }
>;

/** Also a new score of a pair already waiting for review: the newest stands. */
export type MatchProposed = Event<
  'MatchProposed',
  { candidatePersonId: string; probability: number; reasons: Evidence[] }
>;

/** Names the candidate's case and the family's region: what the return needs to start. */
export type MatchConfirmed = Event<
  'MatchConfirmed',
  {
    candidatePersonId: string;
    reviewerId: string;
    candidateCaseId: string;
    candidateCaseOfficeId: string;
    familyRegionCode: string;
  }
>;

export type MatchRejected = Event<'MatchRejected', { candidatePersonId: string; reviewerId: string; reason: string }>;

export type TracingRequestEvent =
  | TracingRequestRegistered
  | TracingRequestUpdated
  | TracingRequestWithdrawn
  | TracingRequestClosedAsFound
  | MatchProposed
  | MatchConfirmed
  | MatchRejected;

export type TracingRequestEventType = TracingRequestEvent['type'];
