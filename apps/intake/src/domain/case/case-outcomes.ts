import { type Actor } from '../actor';
import { type CloseCase, type RecordAbsconding, type RecordDeath } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState, type RegisteredCase } from './case.state';
import { assertAlive, assertInstant, assertOpen, assertOwner, registered } from './case-guards';

/*
 * Outcomes reach the case mostly as reactions to other services' events, which may arrive twice or
 * in any order across topics (a CaseClosed with outcome 'died' before the PersonDied). So a fact
 * already recorded is not an error: deciding it again records nothing.
 */

export function recordDeath(command: RecordDeath, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertMayReport(state, command.actor);
  assertInstant(command.at);
  assertInstant(command.diedAt);
  if (state.diedAt !== null) return [];
  // Recorded on a closed case too: "what happened to this person" must still have the answer.
  return [
    {
      type: 'DeathRecorded',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        diedAt: command.diedAt,
        reportedBy: command.reportedBy,
        certificateRef: command.certificateRef ?? null,
        recordedBy: command.actor.agencyId,
        recordedAt: command.at,
      },
    },
  ];
}

export function recordAbsconding(command: RecordAbsconding, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertMayReport(state, command.actor);
  assertInstant(command.at);
  assertInstant(command.abscondedAt);
  if (state.abscondedAt === command.abscondedAt) return [];
  assertOpen(state);
  assertAlive(state);
  return [
    {
      type: 'AbscondingRecorded',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        abscondedAt: command.abscondedAt,
        from: command.from,
        reportedBy: command.reportedBy,
        recordedAt: command.at,
      },
    },
  ];
}

export function closeCase(command: CloseCase, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertInstant(command.at);
  if (state.status === 'closed') return [];
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        outcome: command.outcome,
        closedBy: command.actor.agencyId,
        closedAt: command.at,
      },
    },
  ];
}

/** The owning office, or the RSJ or panti that has the person in its care, reports a death or an escape. */
function assertMayReport(state: RegisteredCase, actor: Actor): void {
  if (actor.kind === 'rsj' || actor.kind === 'panti') return;
  assertOwner(state, actor);
}
