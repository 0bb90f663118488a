import type { TracingRequestEvent } from './tracing-request.events';
import type { CandidateStatus, TracingRequestStatus } from './tracing-request.vocabulary';

/** A person found who may be the one sought, and where the review of the pair stands. */
export interface Candidate {
  personId: string;
  status: CandidateStatus;
  /** The latest score proposed. */
  probability: number;
}

/** No personal data: the rules need none, and a projection holds the description for the matcher. */
export interface RegisteredTracingRequest {
  status: TracingRequestStatus;
  tracingRequestId: string;
  personId: string;
  /** The Dinas Sosial office that owns the request: it reviews the candidates. */
  owningOfficeId: string;
  /** The agency the family came to: with the owner, the parties of the request. */
  registeredBy: string;
  /** Where the relative was last seen (clear, like a pickup's region): where the family is sought. */
  lastSeenRegionCode: string;
  candidates: readonly Candidate[];
  foundPersonId: string | null;
}

export type TracingRequestState = { status: 'none' } | RegisteredTracingRequest;

export const initialTracingRequestState: TracingRequestState = { status: 'none' };

export function evolveTracingRequest(state: TracingRequestState, event: TracingRequestEvent): TracingRequestState {
  if (event.type === 'TracingRequestRegistered') {
    const { tracingRequestId, personId, officeId, registeredBy } = event.data;
    return {
      status: 'open',
      tracingRequestId,
      personId,
      owningOfficeId: officeId,
      registeredBy,
      lastSeenRegionCode: event.data.lastSeen.regionCode,
      candidates: [],
      foundPersonId: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TracingRequestUpdated':
      return event.data.lastSeen ? { ...state, lastSeenRegionCode: event.data.lastSeen.regionCode } : state;
    case 'TracingRequestWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'TracingRequestClosedAsFound':
      return { ...state, status: 'found', foundPersonId: event.data.foundPersonId ?? null };
    case 'MatchProposed': {
      const { candidatePersonId, probability } = event.data;
      const others = state.candidates.filter((candidate) => candidate.personId !== candidatePersonId);
      return { ...state, candidates: [...others, { personId: candidatePersonId, status: 'proposed', probability }] };
    }
    case 'MatchConfirmed':
      return withCandidate(state, event.data.candidatePersonId, 'confirmed');
    case 'MatchRejected':
      return withCandidate(state, event.data.candidatePersonId, 'rejected');
  }
}

function withCandidate(
  state: RegisteredTracingRequest,
  personId: string,
  status: CandidateStatus,
): RegisteredTracingRequest {
  return {
    ...state,
    candidates: state.candidates.map((candidate) =>
      candidate.personId === personId ? { ...candidate, status } : candidate,
    ),
  };
}

export function candidateOf(state: RegisteredTracingRequest, personId: string): Candidate | undefined {
  return state.candidates.find((candidate) => candidate.personId === personId);
}
