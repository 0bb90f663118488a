import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import type { ReviewingActor } from './tracing-request.commands';
import type { TracingRequestRef } from './tracing-request.events';
import type { RegisteredTracingRequest, TracingRequestState } from './tracing-request.state';

export function requireRegistered(state: TracingRequestState): RegisteredTracingRequest {
  if (state.status === 'none') {
    throw new DomainError('tracing-request.not-found', 'no such tracing request', 'not-found');
  }
  return state;
}

/**
 * The agency the family came to and the owning office are the parties; to any other agency the
 * request does not exist. Checked before the request's status, which would tell that it exists.
 */
export function requireParty(state: TracingRequestState, actor: Actor): RegisteredTracingRequest {
  const request = requireRegistered(state);
  if (actor.agencyId !== request.registeredBy && actor.agencyId !== request.owningOfficeId) {
    throw new NotAPartyError('tracing-request', 'tracing-request.not-a-party', 'not a party of this tracing request');
  }
  return request;
}

/** Candidates are the owning office's to review: a police registrar sees the request, not the persons found. */
export function requireOwningOffice(state: TracingRequestState, actor: Actor): RegisteredTracingRequest {
  const request = requireParty(state, actor);
  if (actor.agencyId !== request.owningOfficeId) {
    throw new DomainError(
      'tracing-request.not-owning-office',
      'only the office owning the request reviews its matches',
      'forbidden',
    );
  }
  return request;
}

/** Every review decision names its social worker: a system client without a user cannot review. */
export function requireReviewer(actor: ReviewingActor): string {
  if (!actor.userId) {
    throw new DomainError('tracing-request.no-reviewer', 'a match is reviewed by a named social worker', 'forbidden');
  }
  return actor.userId;
}

/** A withdrawn or found request is over: no more changes, proposals or decisions. */
export function requireOpen(request: RegisteredTracingRequest): void {
  if (request.status !== 'open') {
    throw new DomainError('tracing-request.closed', `the tracing request is ${request.status}`);
  }
}

export function refOf(request: RegisteredTracingRequest): TracingRequestRef {
  return {
    tracingRequestId: request.tracingRequestId,
    personId: request.personId,
    officeId: request.owningOfficeId,
  };
}
