import type { StreamKind } from '@lintas/commands/stream-writer';
import { type PickupCommand } from './pickup.commands';
import { pickupDecider, type PickupState } from './pickup.decider';
import { type PickupEvent } from './pickup.events';

/** One stream per pickup, ruled by the pickup decider. */
export const pickupStream: StreamKind<PickupCommand, PickupEvent, PickupState> = {
  streamId: (pickupId) => `pickup-${pickupId}`,
  decider: pickupDecider,
};
