import type { StreamKind } from '@lintas/commands/stream-writer';
import { erasureDecider, type ErasePerson, type ErasureState } from './erasure.decider';
import { type ErasureEvent } from './erasure.events';

export const erasureStream: StreamKind<ErasePerson, ErasureEvent, ErasureState> = {
  streamId: (personId) => `erasure-${personId}`,
  decider: erasureDecider,
};
