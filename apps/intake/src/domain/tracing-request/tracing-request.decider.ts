import type { Decider } from '@lintas/event-store/decider';
import { confirmMatch, proposeMatch, rejectMatch } from './match.decisions';
import {
  closeTracingRequestAsFound,
  registerTracingRequest,
  updateTracingRequest,
  withdrawTracingRequest,
} from './registration.decisions';
import type { TracingRequestCommand } from './tracing-request.commands';
import {
  checkTracingRequestConfig,
  DEFAULT_TRACING_REQUEST_CONFIG,
  type TracingRequestConfig,
} from './tracing-request.config';
import type { TracingRequestEvent } from './tracing-request.events';
import { evolveTracingRequest, initialTracingRequestState, type TracingRequestState } from './tracing-request.state';

export type TracingRequestDecider = Decider<TracingRequestCommand, TracingRequestEvent, TracingRequestState>;

/**
 * A family's request to find a missing relative: registered, updated, matched against the persons
 * found, each candidate reviewed, and withdrawn or closed as found. Who may act is checked before
 * the request's status, so an agency learns it only once it is shown to be a party.
 */
export function createTracingRequestDecider(
  config: TracingRequestConfig = DEFAULT_TRACING_REQUEST_CONFIG,
): TracingRequestDecider {
  const checked = checkTracingRequestConfig(config);
  return {
    initialState: initialTracingRequestState,
    evolve: evolveTracingRequest,
    decide(command, state): TracingRequestEvent[] {
      switch (command.type) {
        case 'RegisterTracingRequest':
          return registerTracingRequest(command, state);
        case 'UpdateTracingRequest':
          return updateTracingRequest(command, state);
        case 'WithdrawTracingRequest':
          return withdrawTracingRequest(command, state);
        case 'CloseTracingRequestAsFound':
          return closeTracingRequestAsFound(command, state);
        case 'ProposeMatch':
          return proposeMatch(command, state, checked);
        case 'ConfirmMatch':
          return confirmMatch(command, state);
        case 'RejectMatch':
          return rejectMatch(command, state);
      }
    },
  };
}

export const tracingRequestDecider: TracingRequestDecider = createTracingRequestDecider();
