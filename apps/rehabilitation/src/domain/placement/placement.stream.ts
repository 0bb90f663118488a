import type { StreamKind } from '@lintas/commands/stream-writer';
import type { PlacementCommand } from './placement.commands';
import { placementDecider } from './placement.decider';
import type { PlacementEvent } from './placement.events';
import type { PlacementState } from './placement.state';

/** Each placement's life, one stream per placement; its events are about the person placed. */
export const placementStream: StreamKind<PlacementCommand, PlacementEvent, PlacementState> = {
  streamId: (placementId) => `placement-${placementId}`,
  decider: placementDecider,
};
