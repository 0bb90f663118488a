import type { StreamKind } from '@lintas/commands/stream-writer';
import type { ReunificationCommand } from './reunification.commands';
import { reunificationDecider } from './reunification.decider';
import type { ReunificationEvent } from './reunification.events';
import type { ReunificationState } from './reunification.state';

/** One stream per reunification, `reunification-<reunificationId>`, ruled by the reunification decider. */
export const reunificationStream: StreamKind<ReunificationCommand, ReunificationEvent, ReunificationState> = {
  streamId: (reunificationId) => `reunification-${reunificationId}`,
  decider: reunificationDecider,
};
