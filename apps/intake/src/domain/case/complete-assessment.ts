import { DomainError } from '@lintas/domain-kernel/domain-error';
import { type CompleteAssessment } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState } from './case.state';
import { assertAlive, assertInstant, assertOpen, assertOwner, assertText, registered } from './case-guards';

/**
 * The initial assessment and its decision. A case may be assessed again (after a return from the RSJ,
 * on a re-pickup); each assessment is a new fact that the receiving service acts on.
 */
export function completeAssessment(command: CompleteAssessment, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertOpen(state);
  assertAlive(state);
  assertInstant(command.at);
  assertText(command.assessorRef, 'assessment.assessor-required', 'the assessor');
  const { decision, rsjId, pantiId } = command;
  if (decision === 'rsj' && !rsjId)
    throw new DomainError('assessment.rsj-required', 'name the RSJ to refer to', 'invalid');
  if (decision === 'panti' && !pantiId) {
    throw new DomainError('assessment.panti-required', 'name the panti to place in', 'invalid');
  }
  if ((rsjId && decision !== 'rsj') || (pantiId && decision !== 'panti')) {
    throw new DomainError(
      'assessment.target-mismatch',
      'an RSJ goes with an RSJ decision, a panti with a panti decision',
      'invalid',
    );
  }
  return [
    {
      type: 'AssessmentCompleted',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        officeId: state.ownerOfficeId,
        assessorRef: command.assessorRef,
        assessedAt: command.at,
        decision,
        rsjId: rsjId ?? null,
        pantiId: pantiId ?? null,
        needs: command.needs ?? [],
        riskToSelf: command.riskToSelf ?? null,
        riskToOthers: command.riskToOthers ?? null,
        notes: command.notes ?? null,
      },
    },
  ];
}
