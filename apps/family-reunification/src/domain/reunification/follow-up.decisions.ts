import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import { calendarDateOf } from './follow-up-schedule';
import type { CompleteFollowUpVisit, RecordFollowUpMissed, ReportRelapse } from './reunification.commands';
import type { FollowUpMissed, FollowUpVisitCompleted, RelapseReportedByFamily } from './reunification.events';
import { refOf, requireActive, requireOwner } from './reunification.guards';
import type { FollowUp, OpenedReunification, ReunificationState } from './reunification.state';

export function completeFollowUpVisit(
  command: CompleteFollowUpVisit,
  state: ReunificationState,
): FollowUpVisitCompleted[] {
  const { open, followUp } = requirePendingFollowUp(state, command.actor, command.visit);
  const { condition, medicationAdherence, socialFunctioning, puskesmasContacted, at } = command;
  return [
    {
      type: 'FollowUpVisitCompleted',
      data: {
        ...refOf(open),
        visit: followUp.visit,
        condition,
        medicationAdherence,
        socialFunctioning,
        ...(puskesmasContacted === undefined ? {} : { puskesmasContacted }),
        at,
      },
    },
  ];
}

/** A visit is missed only once its day has passed. */
export function recordFollowUpMissed(command: RecordFollowUpMissed, state: ReunificationState): FollowUpMissed[] {
  const { open, followUp } = requirePendingFollowUp(state, command.actor, command.visit);
  if (calendarDateOf(command.at) <= followUp.dueOn) {
    throw new DomainError('reunification.follow-up-not-due', `visit ${followUp.visit} is due on ${followUp.dueOn}`);
  }
  return [
    {
      type: 'FollowUpMissed',
      data: { ...refOf(open), visit: followUp.visit, overdueSince: followUp.dueOn, at: command.at },
    },
  ];
}

/** The family tells the office the person is relapsing (kambuh); the office arranges care from there. */
export function reportRelapse(command: ReportRelapse, state: ReunificationState): RelapseReportedByFamily[] {
  const open = requireReunified(state, command.actor);
  return [{ type: 'RelapseReportedByFamily', data: { ...refOf(open), signs: command.signs, at: command.at } }];
}

function requireReunified(state: ReunificationState, actor: Actor): OpenedReunification {
  const open = requireActive(state);
  requireOwner(open, actor);
  if (open.phase !== 'reunified') {
    throw new DomainError('reunification.not-reunified', `the person has not been reunified (${open.phase})`);
  }
  return open;
}

function requirePendingFollowUp(
  state: ReunificationState,
  actor: Actor,
  visit: number,
): { open: OpenedReunification; followUp: FollowUp } {
  const open = requireReunified(state, actor);
  const followUp = open.followUps.find((candidate) => candidate.visit === visit);
  if (!followUp) throw new DomainError('reunification.unknown-follow-up', `no follow-up visit ${visit}`, 'not-found');
  if (followUp.status !== 'pending') {
    throw new DomainError('reunification.follow-up-not-pending', `visit ${visit} is ${followUp.status}`);
  }
  return { open, followUp };
}
