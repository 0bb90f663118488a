import { benchPool } from '../../harness/bench-pool';
import { plainPgTypes } from '../../harness/pg-types';
import { benchEvents } from './payload';
import { createRawTable, insertEvents, RAW_TABLE } from './raw-events';
import { hashAllRows } from './raw-hashing';
import { rebuildRawCounts } from './raw-projection';
import { createCountsTable } from './stream-counts';
import type { EventStoreSubject } from './subject';

/** One connection per writer, as each writer of the append rows is a client of its own. */
const POOL_SIZE = 16;

/** Every column, as an event store reader gets them; the driver parses the JSON. */
const SELECT_EVENTS = `SELECT stream_id, version, position, type, data, metadata FROM ${RAW_TABLE}`;

/** The ceiling: the same operations as plain SQL through a plain `pg` pool. */
export async function openRaw(databaseUrl: string): Promise<EventStoreSubject> {
  const pool = benchPool({ connectionString: databaseUrl, max: POOL_SIZE, types: plainPgTypes });
  await createRawTable(pool);
  await createCountsTable(pool);

  return {
    name: 'raw',
    append: (streamId, count, expectedVersion) => insertEvents(pool, streamId, expectedVersion, benchEvents(count)),
    readStream: async (streamId) =>
      (await pool.query(`${SELECT_EVENTS} WHERE stream_id = $1 ORDER BY version`, [streamId])).rows.length,
    replayAll: async (pageSize, limit = Number.POSITIVE_INFINITY) => {
      let read = 0;
      let after = '0';
      while (read < limit) {
        const { rows } = await pool.query<{ position: string }>(
          `${SELECT_EVENTS} WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, pageSize],
        );
        const last = rows.at(-1);
        if (!last) break;
        read += rows.length;
        after = last.position;
      }
      return read;
    },
    rebuildCounts: (batchSize) => rebuildRawCounts(pool, batchSize),
    rebuildCountsWithSwap: null,
    chain: { prepare: async () => undefined, verify: () => hashAllRows(pool) },
    close: () => pool.end(),
  };
}
