import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { addCounts, createCountsTableSql, truncateCounts } from './stream-counts';

/**
 * The per-stream counter as a Lintas projection: a batch's events in one upsert, in the batch's
 * transaction. In the connection's default schema, or made for `schema` as a service's projections
 * are (with its tables(), which a rebuild in a shadow schema needs).
 */
export class StreamCountsProjection implements Projection {
  constructor(
    private readonly schema?: string,
    readonly name = 'bench-stream-counts',
  ) {}

  tables(): string[] {
    return [createCountsTableSql(this.schema)];
  }

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    await addCounts(
      client,
      events.map((event) => event.streamId),
      this.schema,
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await truncateCounts(client, this.schema);
  }
}
