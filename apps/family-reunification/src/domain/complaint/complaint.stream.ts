import type { StreamKind } from '@lintas/commands/stream-writer';
import type { ComplaintCommand } from './complaint.commands';
import { complaintDecider } from './complaint.decider';
import type { ComplaintEvent } from './complaint.events';
import type { ComplaintState } from './complaint.state';

/** One stream per complaint, `complaint-<complaintId>`, about the person the file command names. */
export const complaintStream: StreamKind<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  streamId: (complaintId) => `complaint-${complaintId}`,
  decider: complaintDecider,
};
