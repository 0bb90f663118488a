import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { CloseCase, RecordPersonDeath } from './reunification.commands';
import type { CaseClosed, PersonDeathRecorded } from './reunification.events';
import { refOf, requireOpen, requireOwner, requireStarted } from './reunification.guards';
import type { OpenedReunification, ReunificationState } from './reunification.state';
import type { CaseOutcome } from './reunification.vocabulary';

/**
 * Death stops every open flow of the person (docs/domain.md, "Variants"); a death already known, or a
 * closed case, needs nothing more.
 */
export function recordPersonDeath(command: RecordPersonDeath, state: ReunificationState): PersonDeathRecorded[] {
  const started = requireStarted(state);
  if (started.status === 'closed' || started.died) return [];
  const { diedAt, reportedBy, at } = command;
  return [{ type: 'PersonDeathRecorded', data: { ...refOf(started), diedAt, reportedBy, at } }];
}

// Death and disappearance end the follow-up without it being finished; every other outcome waits for it.
const ENDS_FOLLOW_UP_EARLY: readonly CaseOutcome[] = ['died', 'lost-to-follow-up'];

export function closeCase(command: CloseCase, state: ReunificationState): CaseClosed[] {
  const open = requireOpen(state);
  requireOwner(open, command.actor);
  const { outcome } = command;
  if (open.died && outcome !== 'died') {
    throw new DomainError('reunification.person-died', `the person has died; the outcome must be 'died'`);
  }
  const pending = open.followUps.filter((followUp) => followUp.status === 'pending').length;
  if (pending > 0 && !ENDS_FOLLOW_UP_EARLY.includes(outcome)) {
    throw new DomainError('reunification.follow-ups-pending', `${pending} follow-up visit(s) still pending`);
  }
  requireOutcomeReached(open, outcome);
  return [{ type: 'CaseClosed', data: { ...refOf(open), outcome, at: command.at } }];
}

function requireOutcomeReached(open: OpenedReunification, outcome: CaseOutcome): void {
  switch (outcome) {
    case 'reunified':
      if (open.phase !== 'reunified') {
        throw new DomainError('reunification.not-reunified', `the person has not been reunified (${open.phase})`);
      }
      return;
    case 'long-term-placement':
      if (open.phase !== 'long-term-placement') {
        throw new DomainError('reunification.no-long-term-placement', 'no long-term placement has been arranged');
      }
      return;
    case 'transferred':
      // The receiving office took the person but works the case outside Lintas: the sender closes it.
      if (open.pendingTransferTo === null) {
        throw new DomainError(
          'reunification.no-transfer-pending',
          'the person has not been transferred to another office',
        );
      }
      return;
    case 'died':
    case 'lost-to-follow-up':
      return;
  }
}
