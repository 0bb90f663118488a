import { type RecordConsent } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState } from './case.state';
import { assertAlive, assertInstant, assertOpen, assertOwner, assertText, registered } from './case-guards';

export function recordConsent(command: RecordConsent, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertOpen(state);
  assertAlive(state);
  assertInstant(command.at);
  assertText(command.purpose, 'consent.purpose-required', 'the purpose');
  const { basis } = command;
  if (basis.kind === 'consent' && basis.givenBy === 'guardian') {
    assertText(basis.guardian.name, 'consent.guardian-required', 'the guardian');
    assertText(basis.guardian.relation, 'consent.guardian-required', 'the guardian’s relation');
  }
  if (basis.kind === 'legal-basis') {
    assertText(basis.reference, 'consent.legal-reference-required', 'the legal reference');
  }
  return [
    {
      type: 'ConsentRecorded',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        purpose: command.purpose.trim(),
        basis,
        capacityNote: command.capacityNote ?? null,
        recordedBy: command.actor.agencyId,
        recordedAt: command.at,
      },
    },
  ];
}
