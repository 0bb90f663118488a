import type { StreamKind } from '@lintas/commands/stream-writer';
import type { PantiCommand } from './panti.commands';
import { pantiDecider } from './panti.decider';
import type { PantiEvent } from './panti.events';
import type { PantiState } from './panti.state';

/** Each panti's bed book: capacity, beds held, the waiting list. It is about no one person. */
export const pantiStream: StreamKind<PantiCommand, PantiEvent, PantiState> = {
  streamId: (pantiId) => `panti-${pantiId}`,
  decider: pantiDecider,
  aboutPerson: false,
};
