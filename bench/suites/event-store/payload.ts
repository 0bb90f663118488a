import type { EventMetadata } from '@lintas/event-store/events/event-types';
import { sampleEvent } from '../../../libs/event-store/test/sample-events';

/** The one event type every system writes: the event store's own sample, without personal data. */
export const EVENT_TYPE = 'PickupReported';

export type BenchMetadata = Omit<EventMetadata, 'recordedAt'>;

/** The same small event for every system: `{ at }` data and the sample's metadata (a fresh correlation id). */
export interface BenchEvent {
  type: typeof EVENT_TYPE;
  data: { at: string };
  metadata: BenchMetadata;
}

export function benchEvents(count: number): BenchEvent[] {
  return Array.from({ length: count }, () => {
    const { metadata } = sampleEvent(EVENT_TYPE);
    return { type: EVENT_TYPE, data: { at: 'Jl. Pahlawan' }, metadata };
  });
}
