import type { StreamKind } from '@lintas/commands/stream-writer';
import { pantiStream } from '../panti/panti.stream';
import { placementStream } from '../placement/placement.stream';
import type { OccupancyCommand } from './occupancy.commands';
import { occupancyDecider, type OccupancyEvent, type OccupancyState } from './occupancy.decider';

type OccupancyStream = StreamKind<OccupancyCommand, OccupancyEvent, OccupancyState>;

/**
 * An occupancy decision spans two streams: the placement's, about its person, and the bed book
 * of the panti it is addressed to, about no one. The occupancy decider folds either, since it
 * tells their events apart; each stream fills its own half of the state.
 */
export const occupancyStreams: { placement: OccupancyStream; panti: OccupancyStream } = {
  placement: { streamId: placementStream.streamId, decider: occupancyDecider },
  panti: { streamId: pantiStream.streamId, decider: occupancyDecider, aboutPerson: false },
};
