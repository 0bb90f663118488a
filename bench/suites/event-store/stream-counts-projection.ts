import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { addCounts, truncateCounts } from './stream-counts';

/** The per-stream counter as a Lintas projection: a batch's events in one upsert, in the batch's transaction. */
export class StreamCountsProjection implements Projection {
  readonly name = 'bench-stream-counts';

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    await addCounts(
      client,
      events.map((event) => event.streamId),
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await truncateCounts(client);
  }
}
