import type { Decider } from '@lintas/event-store/decider';
import { type RegionDirectory } from '../regions/region-directory';
import { type CaseCommand } from './case.commands';
import { type CaseEvent } from './case.events';
import { evolveCase, initialCaseState, type CaseState } from './case.state';
import { completeAssessment } from './complete-assessment';
import { acceptCaseTransfer, declineCaseTransfer, requestCaseTransfer } from './case-transfer';
import { closeCase, recordAbsconding, recordDeath } from './case-outcomes';
import { identifyPerson } from './identify-person';
import { linkPersons, findDuplicateCandidates, rejectDuplicate } from './person-links';
import { recordConsent } from './record-consent';
import { registerIntake } from './register-intake';

/**
 * The case at the owning Dinas Sosial: intake, the person's identification and links, consent,
 * assessment, transfer of ownership, and how it ends. The region directory is the one thing it
 * needs from outside, to check NIKs.
 */
export function createCaseDecider(regions: RegionDirectory): Decider<CaseCommand, CaseEvent, CaseState> {
  return {
    decide: (command, state) => decideCase(command, state, regions),
    evolve: evolveCase,
    initialState: initialCaseState,
  };
}

function decideCase(command: CaseCommand, state: CaseState, regions: RegionDirectory): CaseEvent[] {
  switch (command.type) {
    case 'RegisterIntake':
      return registerIntake(command, state);
    case 'IdentifyPerson':
      return identifyPerson(command, state, regions);
    case 'FindDuplicateCandidates':
      return findDuplicateCandidates(command, state);
    case 'RejectDuplicate':
      return rejectDuplicate(command, state);
    case 'LinkPersons':
      return linkPersons(command, state);
    case 'RecordConsent':
      return recordConsent(command, state);
    case 'CompleteAssessment':
      return completeAssessment(command, state);
    case 'RequestCaseTransfer':
      return requestCaseTransfer(command, state);
    case 'AcceptCaseTransfer':
      return acceptCaseTransfer(command, state);
    case 'DeclineCaseTransfer':
      return declineCaseTransfer(command, state);
    case 'RecordDeath':
      return recordDeath(command, state);
    case 'RecordAbsconding':
      return recordAbsconding(command, state);
    case 'CloseCase':
      return closeCase(command, state);
  }
}
