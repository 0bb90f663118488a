import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import { type Actor } from '../actor';
import { instantMillis } from '../time';
import { type EmergencyAccessEvent, type ReviewVerdict } from './emergency-access.events';

/** A reason short enough to be a reflex is no reason: the reviewer must be able to judge it. */
export const MIN_REASON_LENGTH = 20;

export interface RequestEmergencyAccess {
  type: 'RequestEmergencyAccess';
  accessId: string;
  personId: string;
  reason: string;
  /** How long it holds: the installation's setting (3 hours unless configured). */
  holdsForSeconds: number;
  owningOfficeIds: string[];
  actor: Actor;
  at: string;
}

export interface ReviewEmergencyAccess {
  type: 'ReviewEmergencyAccess';
  accessId: string;
  verdict: ReviewVerdict;
  note: string | null;
  actor: Actor;
  at: string;
}

export type EmergencyAccessCommand = RequestEmergencyAccess | ReviewEmergencyAccess;

export type EmergencyAccessState =
  | { status: 'none' }
  | {
      status: 'granted' | 'reviewed';
      accessId: string;
      personId: string;
      owningOfficeIds: string[];
      expiresAt: string;
    };

function decide(command: EmergencyAccessCommand, state: EmergencyAccessState): EmergencyAccessEvent[] {
  const at = instantMillis(command.at);
  if (at === null) {
    throw new DomainError('emergency-access.invalid-time', 'times must be ISO 8601 instants with an offset', 'invalid');
  }
  return command.type === 'RequestEmergencyAccess' ? request(command, state, at) : review(command, state);
}

function request(command: RequestEmergencyAccess, state: EmergencyAccessState, at: number): EmergencyAccessEvent[] {
  if (state.status !== 'none') throw new DomainError('emergency-access.exists', 'this emergency access was taken');
  if (command.actor.kind === 'admin') {
    throw new DomainError('emergency-access.not-for-admins', 'an admin needs no emergency access', 'invalid');
  }
  if (command.owningOfficeIds.includes(command.actor.agencyId)) {
    throw new DomainError('emergency-access.own-person', 'the office owns this person’s case already', 'invalid');
  }
  if (command.reason.trim().length < MIN_REASON_LENGTH) {
    throw new DomainError(
      'emergency-access.reason-required',
      `say why, in at least ${MIN_REASON_LENGTH} characters: the owning office reviews it`,
      'invalid',
    );
  }
  return [
    {
      type: 'EmergencyAccessGranted',
      data: {
        accessId: command.accessId,
        personId: command.personId,
        agencyId: command.actor.agencyId,
        agencyKind: command.actor.kind,
        reason: command.reason.trim(),
        grantedAt: new Date(at).toISOString(),
        expiresAt: new Date(at + command.holdsForSeconds * 1000).toISOString(),
        owningOfficeIds: command.owningOfficeIds,
      },
    },
  ];
}

function review(command: ReviewEmergencyAccess, state: EmergencyAccessState): EmergencyAccessEvent[] {
  if (state.status === 'none') {
    throw new DomainError('emergency-access.not-found', 'no such emergency access', 'not-found');
  }
  const { actor } = command;
  if (actor.kind !== 'admin' && !state.owningOfficeIds.includes(actor.agencyId)) {
    throw new NotAPartyError(
      'emergency-access',
      'emergency-access.not-owning-office',
      'the offices owning the person’s cases, or an admin, review it',
    );
  }
  if (state.status === 'reviewed') throw new DomainError('emergency-access.reviewed', 'it was reviewed already');
  return [
    {
      type: 'EmergencyAccessReviewed',
      data: {
        accessId: state.accessId,
        personId: state.personId,
        verdict: command.verdict,
        note: command.note?.trim() || null,
        reviewedBy: actor.agencyId,
        reviewedAt: command.at,
      },
    },
  ];
}

function evolve(state: EmergencyAccessState, event: EmergencyAccessEvent): EmergencyAccessState {
  if (event.type === 'EmergencyAccessGranted') {
    const { accessId, personId, owningOfficeIds, expiresAt } = event.data;
    return { status: 'granted', accessId, personId, owningOfficeIds, expiresAt };
  }
  return state.status === 'none' ? state : { ...state, status: 'reviewed' };
}

/** One stream per emergency access: taken, then reviewed. */
export const emergencyAccessDecider: Decider<EmergencyAccessCommand, EmergencyAccessEvent, EmergencyAccessState> = {
  decide,
  evolve,
  initialState: { status: 'none' },
};
