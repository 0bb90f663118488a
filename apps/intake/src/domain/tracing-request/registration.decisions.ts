import { DomainError } from '@lintas/domain-kernel/domain-error';
import { channelFitsAgency, FAMILY_CHANNEL_KINDS } from '@lintas/domain-kernel/family-channel';
import type {
  CloseTracingRequestAsFound,
  RegisterTracingRequest,
  UpdateTracingRequest,
  WithdrawTracingRequest,
} from './tracing-request.commands';
import { checkedLastSeen, checkedSought } from './tracing-request.description';
import type {
  TracingRequestClosedAsFound,
  TracingRequestRegistered,
  TracingRequestUpdated,
  TracingRequestWithdrawn,
} from './tracing-request.events';
import { refOf, requireOpen, requireOwningOffice, requireParty } from './tracing-request.guards';
import { candidateOf, type TracingRequestState } from './tracing-request.state';
import type { Requester } from './tracing-request.vocabulary';

/**
 * A family registers a missing relative through an agency it can walk into (issue 19). A Dinas
 * Sosial office owns what it registers; a police station names the office that will own it, since
 * only a Dinas Sosial social worker reviews the persons found.
 */
export function registerTracingRequest(
  command: RegisterTracingRequest,
  state: TracingRequestState,
): TracingRequestRegistered[] {
  if (state.status !== 'none') {
    throw new DomainError('tracing-request.already-registered', 'this tracing request is already registered');
  }
  const { actor, channel } = command;
  if (!FAMILY_CHANNEL_KINDS.includes(actor.kind)) {
    throw new DomainError(
      'tracing-request.not-a-registrar',
      'a tracing request is registered by a Dinas Sosial office or the police',
      'forbidden',
    );
  }
  if (!channelFitsAgency(actor.kind, channel)) {
    throw new DomainError(
      'tracing-request.channel-not-of-agency',
      'the police record only their own channel',
      'invalid',
    );
  }
  const { tracingRequestId, personId, requester, sought, lastSeen, at } = command;
  return [
    {
      type: 'TracingRequestRegistered',
      data: {
        tracingRequestId,
        personId,
        officeId: owningOfficeOf(command),
        registeredBy: actor.agencyId,
        channel,
        requester: copied(requester),
        sought: checkedSought(sought),
        lastSeen: checkedLastSeen(lastSeen, at),
        at,
      },
    },
  ];
}

function owningOfficeOf({ actor, officeId }: RegisterTracingRequest): string {
  if (actor.kind === 'dinas-sosial') {
    if (officeId !== undefined && officeId !== actor.agencyId) {
      throw new DomainError(
        'tracing-request.office-not-registrar',
        'a Dinas Sosial office owns the requests it registers',
        'invalid',
      );
    }
    return actor.agencyId;
  }
  if (officeId === undefined) {
    throw new DomainError(
      'tracing-request.office-required',
      'the police name the Dinas Sosial office that will own the request',
      'invalid',
    );
  }
  return officeId;
}

/** The family brings more, or corrects what it said, to either party; nothing given changes nothing. */
export function updateTracingRequest(
  command: UpdateTracingRequest,
  state: TracingRequestState,
): TracingRequestUpdated[] {
  const request = requireParty(state, command.actor);
  requireOpen(request);
  const { requester, sought, lastSeen, actor, at } = command;
  if (requester === undefined && sought === undefined && lastSeen === undefined) return [];
  return [
    {
      type: 'TracingRequestUpdated',
      data: {
        ...refOf(request),
        updatedBy: actor.agencyId,
        ...(requester === undefined ? {} : { requester: copied(requester) }),
        ...(sought === undefined ? {} : { sought: checkedSought(sought) }),
        ...(lastSeen === undefined ? {} : { lastSeen: checkedLastSeen(lastSeen, at) }),
        at,
      },
    },
  ];
}

export function withdrawTracingRequest(
  command: WithdrawTracingRequest,
  state: TracingRequestState,
): TracingRequestWithdrawn[] {
  const request = requireParty(state, command.actor);
  requireOpen(request);
  const { reason, actor, at } = command;
  return [
    {
      type: 'TracingRequestWithdrawn',
      data: { ...refOf(request), withdrawnBy: actor.agencyId, ...(reason === undefined ? {} : { reason }), at },
    },
  ];
}

/**
 * A confirmation is the reviewer's judgement, not yet the family's: the request closes as found
 * only once the family has verified the person, so that a failed verification can still reject the
 * pair and the search go on. That closure is the owning office's; a relative who came home on
 * their own is reported by either party.
 */
export function closeTracingRequestAsFound(
  command: CloseTracingRequestAsFound,
  state: TracingRequestState,
): TracingRequestClosedAsFound[] {
  const { foundPersonId, note, actor, at } = command;
  const request = foundPersonId === undefined ? requireParty(state, actor) : requireOwningOffice(state, actor);
  requireOpen(request);
  if (foundPersonId !== undefined && candidateOf(request, foundPersonId)?.status !== 'confirmed') {
    throw new DomainError('tracing-request.match-not-confirmed', 'the person found is no confirmed match');
  }
  return [
    {
      type: 'TracingRequestClosedAsFound',
      data: {
        ...refOf(request),
        closedBy: actor.agencyId,
        ...(foundPersonId === undefined ? {} : { foundPersonId }),
        ...(note === undefined ? {} : { note }),
        at,
      },
    },
  ];
}

function copied({ name, relation, contact }: Requester): Requester {
  return { name, relation, contact };
}
