import type { Decider } from '@lintas/event-store/decider';
import type { ComplaintCommand } from './complaint.commands';
import { checkComplaintConfig, type ComplaintConfig, DEFAULT_COMPLAINT_CONFIG } from './complaint.config';
import { answerComplaint, closeComplaint, escalateOverdueComplaint, fileComplaint } from './complaint.decisions';
import type { ComplaintEvent } from './complaint.events';
import { type ComplaintState, evolveComplaint, initialComplaintState } from './complaint.state';

export type ComplaintDecider = Decider<ComplaintCommand, ComplaintEvent, ComplaintState>;

/**
 * A complaint (pengaduan) about a case or a service: filed for a family, routed to the agency
 * responsible with a deadline, answered, escalated when the deadline passes, closed by the filer.
 */
export function createComplaintDecider(config: ComplaintConfig = DEFAULT_COMPLAINT_CONFIG): ComplaintDecider {
  const checked = checkComplaintConfig(config);
  return {
    initialState: initialComplaintState,
    evolve: evolveComplaint,
    decide(command, state): ComplaintEvent[] {
      switch (command.type) {
        case 'FileComplaint':
          return fileComplaint(command, state, checked);
        case 'AnswerComplaint':
          return answerComplaint(command, state);
        case 'EscalateOverdueComplaint':
          return escalateOverdueComplaint(command, state, checked);
        case 'CloseComplaint':
          return closeComplaint(command, state);
      }
    },
  };
}

export const complaintDecider: ComplaintDecider = createComplaintDecider();
