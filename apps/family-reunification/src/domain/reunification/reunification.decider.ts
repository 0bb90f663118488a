import type { Decider } from '@lintas/event-store/decider';
import { closeCase, recordPersonDeath } from './closure.decisions';
import { completeFollowUpVisit, recordFollowUpMissed, reportRelapse } from './follow-up.decisions';
import { arrangeLongTermPlacement, completeReunification } from './return.decisions';
import type { ReunificationCommand } from './reunification.commands';
import {
  checkReunificationConfig,
  DEFAULT_REUNIFICATION_CONFIG,
  type ReunificationConfig,
} from './reunification.config';
import type { ReunificationEvent } from './reunification.events';
import { evolveReunification, initialReunificationState, type ReunificationState } from './reunification.state';
import {
  addTracingLeads,
  completeHomeVisit,
  recordFamilyDeclinedReturn,
  recordFamilyNotFound,
  recordFamilyTraced,
  startFamilyTracing,
} from './tracing.decisions';
import { moveCaseOwnership, recordTransferDeclined, transferToRegionOfOrigin } from './transfer.decisions';

export type ReunificationDecider = Decider<ReunificationCommand, ReunificationEvent, ReunificationState>;

/**
 * A reunification, one per hand-over of a case to the family: tracing, the family's readiness,
 * return (here or in the region of origin) or long-term placement, follow-up, closure.
 */
export function createReunificationDecider(
  config: ReunificationConfig = DEFAULT_REUNIFICATION_CONFIG,
): ReunificationDecider {
  const checked = checkReunificationConfig(config);
  return {
    initialState: initialReunificationState,
    evolve: evolveReunification,
    decide(command, state): ReunificationEvent[] {
      switch (command.type) {
        case 'StartFamilyTracing':
          return startFamilyTracing(command, state);
        case 'AddTracingLeads':
          return addTracingLeads(command, state);
        case 'RecordFamilyTraced':
          return recordFamilyTraced(command, state);
        case 'RecordFamilyNotFound':
          return recordFamilyNotFound(command, state);
        case 'CompleteHomeVisit':
          return completeHomeVisit(command, state);
        case 'RecordFamilyDeclinedReturn':
          return recordFamilyDeclinedReturn(command, state);
        case 'TransferToRegionOfOrigin':
          return transferToRegionOfOrigin(command, state);
        case 'MoveCaseOwnership':
          return moveCaseOwnership(command, state);
        case 'RecordTransferDeclined':
          return recordTransferDeclined(command, state);
        case 'CompleteReunification':
          return completeReunification(command, state, checked);
        case 'ArrangeLongTermPlacement':
          return arrangeLongTermPlacement(command, state);
        case 'CompleteFollowUpVisit':
          return completeFollowUpVisit(command, state);
        case 'RecordFollowUpMissed':
          return recordFollowUpMissed(command, state);
        case 'ReportRelapse':
          return reportRelapse(command, state);
        case 'RecordPersonDeath':
          return recordPersonDeath(command, state);
        case 'CloseCase':
          return closeCase(command, state);
      }
    },
  };
}

export const reunificationDecider: ReunificationDecider = createReunificationDecider();
