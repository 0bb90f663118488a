import type { StreamKind } from '@lintas/commands/stream-writer';
import {
  emergencyAccessDecider,
  type EmergencyAccessCommand,
  type EmergencyAccessState,
} from './emergency-access.decider';
import { type EmergencyAccessEvent } from './emergency-access.events';

export const emergencyAccessStream: StreamKind<EmergencyAccessCommand, EmergencyAccessEvent, EmergencyAccessState> = {
  streamId: (accessId) => `emergency-access-${accessId}`,
  decider: emergencyAccessDecider,
};
