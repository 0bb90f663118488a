import type { StreamKind } from '@lintas/commands/stream-writer';
import type { TracingRequestCommand } from './tracing-request.commands';
import { tracingRequestDecider } from './tracing-request.decider';
import type { TracingRequestEvent } from './tracing-request.events';
import type { TracingRequestState } from './tracing-request.state';

/**
 * One stream per request, `tracing-request-<tracingRequestId>`, about the person sought: the
 * register command's `personId` names them in every event's metadata.
 */
export const tracingRequestStream: StreamKind<TracingRequestCommand, TracingRequestEvent, TracingRequestState> = {
  streamId: (tracingRequestId) => `tracing-request-${tracingRequestId}`,
  decider: tracingRequestDecider,
};
