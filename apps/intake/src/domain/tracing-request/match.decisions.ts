import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { ConfirmMatch, ProposeMatch, RejectMatch } from './tracing-request.commands';
import type { TracingRequestConfig } from './tracing-request.config';
import type { MatchConfirmed, MatchProposed, MatchRejected } from './tracing-request.events';
import { refOf, requireOpen, requireOwningOffice, requireReviewer } from './tracing-request.guards';
import { candidateOf, type TracingRequestState } from './tracing-request.state';

/**
 * A scored candidate for review (issue 19). The matcher scores freely and need not know the
 * decisions: a rejected or confirmed pair is decided as nothing, so a rejected pair is never
 * proposed again; a new pair below the threshold is not worth a reviewer's time; a pair waiting
 * for review takes its new score, whatever it is, so the queue shows the current reasons.
 */
export function proposeMatch(
  command: ProposeMatch,
  state: TracingRequestState,
  config: TracingRequestConfig,
): MatchProposed[] {
  const request = requireOwningOffice(state, command.actor);
  requireOpen(request);
  const { candidatePersonId, probability, reasons, at } = command;
  if (candidatePersonId === request.personId) {
    throw new DomainError('tracing-request.self-match', 'the person sought is no candidate of itself', 'invalid');
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new DomainError('tracing-request.invalid-probability', 'a probability lies between 0 and 1', 'invalid');
  }
  const known = candidateOf(request, candidatePersonId);
  if (known === undefined && probability < config.proposalThreshold) return [];
  if (known !== undefined && (known.status !== 'proposed' || known.probability === probability)) return [];
  return [
    {
      type: 'MatchProposed',
      data: {
        ...refOf(request),
        candidatePersonId,
        probability,
        reasons: reasons.map(({ field, level, weight }) => ({ field, level, weight })),
        at,
      },
    },
  ];
}

/** The social worker finds the pair likely: family verification follows, then the reunification. */
export function confirmMatch(command: ConfirmMatch, state: TracingRequestState): MatchConfirmed[] {
  const { request, candidate, reviewerId } = reviewOf(command, state);
  if (candidate.status === 'confirmed') {
    throw new DomainError('tracing-request.match-already-confirmed', 'the match is already confirmed');
  }
  if (candidate.status === 'rejected') {
    throw new DomainError('tracing-request.match-rejected', 'a rejected match stays rejected');
  }
  const { candidatePersonId, candidateCase, at } = command;
  return [
    {
      type: 'MatchConfirmed',
      data: {
        ...refOf(request),
        candidatePersonId,
        reviewerId,
        candidateCaseId: candidateCase.caseId,
        candidateCaseOfficeId: candidateCase.officeId,
        familyRegionCode: request.lastSeenRegionCode,
        at,
      },
    },
  ];
}

/** Proposed or confirmed: a family that does not recognise the person rejects a confirmed pair too. */
export function rejectMatch(command: RejectMatch, state: TracingRequestState): MatchRejected[] {
  const { request, candidate, reviewerId } = reviewOf(command, state);
  if (candidate.status === 'rejected') {
    throw new DomainError('tracing-request.match-rejected', 'the match is already rejected');
  }
  const { candidatePersonId, reason, at } = command;
  if (reason.trim() === '') {
    throw new DomainError('tracing-request.reason-required', 'a rejection says why', 'invalid');
  }
  return [{ type: 'MatchRejected', data: { ...refOf(request), candidatePersonId, reviewerId, reason, at } }];
}

function reviewOf(command: ConfirmMatch | RejectMatch, state: TracingRequestState) {
  const request = requireOwningOffice(state, command.actor);
  const reviewerId = requireReviewer(command.actor);
  requireOpen(request);
  const candidate = candidateOf(request, command.candidatePersonId);
  if (candidate === undefined) {
    throw new DomainError('tracing-request.unknown-candidate', 'no such candidate was proposed', 'not-found');
  }
  return { request, candidate, reviewerId };
}
