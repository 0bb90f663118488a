import { DomainError } from '@lintas/domain-kernel/domain-error';
import { candidatesAmong, type PersonProfile } from '../duplicates/duplicate-matcher';
import { type LinkPersons, type FindDuplicateCandidates, type RejectDuplicate } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState, type RegisteredCase } from './case.state';
import { assertInstant, assertOwner, registered } from './case-guards';

/**
 * Runs the matcher against earlier persons and records each new proposal once. A proposal already
 * made, rejected or linked is not made again, so running the check after every change is safe.
 * Linking and rejecting stay possible on a closed case: a known person may be recognised late.
 */
export function findDuplicateCandidates(command: FindDuplicateCandidates, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertInstant(command.at);
  if (state.linkedInto !== null) return [];
  return candidatesAmong(profileOf(state), command.earlierPersons)
    .filter((candidate) => state.candidates[candidate.personId] === undefined)
    .map((candidate) => ({
      type: 'DuplicateCandidateFound',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        candidatePersonId: candidate.personId,
        score: candidate.score,
        strength: candidate.strength,
        reasons: candidate.reasons,
        foundAt: command.at,
      },
    }));
}

export function rejectDuplicate(command: RejectDuplicate, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertInstant(command.at);
  const proposal = state.candidates[command.candidatePersonId];
  if (proposal === undefined) {
    throw new DomainError('case.no-such-candidate', 'that person was not proposed', 'not-found');
  }
  if (proposal.status !== 'pending') {
    throw new DomainError('case.candidate-decided', `the proposal is already ${proposal.status}`);
  }
  return [
    {
      type: 'DuplicateRejected',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        candidatePersonId: command.candidatePersonId,
        decidedBy: command.actor.agencyId,
        reason: command.reason ?? null,
        rejectedAt: command.at,
      },
    },
  ];
}

/**
 * This case's person joins the survivor's journey; both histories are kept and read models follow
 * the link. A worker may link without a proposal (they know the person) or after rejecting one.
 */
export function linkPersons(command: LinkPersons, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertInstant(command.at);
  if (command.survivorPersonId === state.personId) {
    throw new DomainError('case.link-to-self', 'a person cannot be linked to themselves', 'invalid');
  }
  if (state.linkedInto !== null) throw new DomainError('case.already-linked', 'this person is already linked');
  return [
    {
      type: 'PersonsLinked',
      data: {
        caseId: state.caseId,
        survivorPersonId: command.survivorPersonId,
        linkedPersonId: state.personId,
        decidedBy: command.actor.agencyId,
        linkedAt: command.at,
      },
    },
  ];
}

/** The person as the matcher sees them; a read model of earlier persons can build the same shape from the events. */
export function profileOf(state: RegisteredCase): PersonProfile {
  const { person } = state;
  return {
    personId: state.personId,
    nik: person.nik,
    names: person.names,
    birthYear: person.birthYear,
    sex: person.sex,
    regionCodes: [...new Set([person.originRegionCode, state.foundRegionCode].filter((c): c is string => c !== null))],
  };
}
