import { dumbo } from '@event-driven-io/dumbo';
import type { Event } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  postgreSQLProjection,
  readMessagesBatch,
  rebuildPostgreSQLProjections,
} from '@event-driven-io/emmett-postgresql';
import { benchPool } from '../../harness/bench-pool';
import { benchEvents, EVENT_TYPE, type BenchMetadata } from './payload';
import { addCounts, countedEvents, createCountsTable, truncateCounts } from './stream-counts';
import type { EventStoreSubject } from './subject';

type EmmettBenchEvent = Event<typeof EVENT_TYPE, { at: string }, BenchMetadata>;

/** One connection per writer, as for the raw ceiling (pg's default of 10 would hold Emmett back). */
const POOL_SIZE = 16;

/**
 * @event-driven-io/emmett-postgresql 0.42 through its public API, on one pg pool. It keeps no hash
 * chains, so `chain` is null: the verify row has no Emmett figure.
 */
export async function openEmmett(databaseUrl: string, log: (message: string) => void): Promise<EventStoreSubject> {
  const pool = benchPool({ connectionString: databaseUrl, max: POOL_SIZE });
  // Its driver layer, over our pool: the store, its global reader and its projections all share it.
  const db = dumbo({ connectionString: databaseUrl, pool });
  const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { dumbo: db } });
  await store.schema.migrate();
  await createCountsTable(pool);

  return {
    name: 'emmett',
    append: async (streamId, count, expectedVersion) => {
      await store.appendToStream<EmmettBenchEvent>(streamId, benchEvents(count), {
        expectedStreamVersion: BigInt(expectedVersion),
      });
    },
    readStream: async (streamId) => (await store.readStream<EmmettBenchEvent>(streamId)).events.length,
    // readMessagesBatch is what its consumers page with. A page is ordered by (transaction id, global
    // position) but the next one starts after the last global position, and concurrent appends take
    // positions out of transaction order: events whose position falls below the page's last are never
    // read, those above it in an earlier transaction are read twice. Distinct events are what count.
    replayAll: async (pageSize, limit = Number.POSITIVE_INFINITY) => {
      const seen = new Set<bigint>();
      let delivered = 0;
      let after = 0n;
      while (seen.size < limit) {
        const batch = await readMessagesBatch<EmmettBenchEvent>(db.execute, { after, batchSize: pageSize });
        for (const message of batch.messages) seen.add(message.metadata.globalPosition);
        delivered += batch.messages.length;
        if (!batch.areMessagesLeft) break;
        after = batch.currentGlobalPosition;
      }
      if (delivered !== seen.size) log(`emmett replay delivered ${delivered} events, of which ${seen.size} distinct`);
      return seen.size;
    },
    // Its own rebuild: a consumer that truncates the projection, reads from the beginning and stops at the end.
    rebuildCounts: async (batchSize) => {
      const consumer = rebuildPostgreSQLProjections<EmmettBenchEvent>({
        connectionString: databaseUrl,
        pool: db,
        pulling: { batchSize, pullingFrequencyInMs: 0 },
        projection: postgreSQLProjection<EmmettBenchEvent>({
          name: 'bench-stream-counts',
          canHandle: [EVENT_TYPE],
          truncate: (context) => truncateCounts(context.connection.client),
          handle: (events, context) =>
            addCounts(
              context.connection.client,
              events.map((event) => event.metadata.streamName),
            ),
        }),
      });
      await consumer.start();
      await consumer.close();
      return countedEvents(pool);
    },
    rebuildCountsWithSwap: null,
    chain: null,
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
