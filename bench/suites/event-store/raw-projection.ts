import { inTransaction } from '@lintas/platform/database/transaction';
import type { Pool } from 'pg';
import { RAW_TABLE } from './raw-events';
import { addCounts, countedEvents, truncateCounts } from './stream-counts';

/**
 * The counter projection fed by plain keyset paging, as CatchUpSubscription feeds it: each batch
 * read, applied and checkpointed in one transaction, the checkpoint locked first. Resolves with the
 * events the projection counted.
 */
export async function rebuildRawCounts(pool: Pool, batchSize: number): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS raw_checkpoints (name text PRIMARY KEY, position bigint NOT NULL)`);
  await truncateCounts(pool);
  await pool.query(`INSERT INTO raw_checkpoints VALUES ('counts', 0) ON CONFLICT (name) DO UPDATE SET position = 0`);
  for (let applied = -1; applied !== 0;) {
    applied = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ position: string }>(
        `SELECT position FROM raw_checkpoints WHERE name = 'counts' FOR UPDATE`,
      );
      const { rows: events } = await client.query<{ stream_id: string; position: string }>(
        `SELECT stream_id, version, position, type, data, metadata FROM ${RAW_TABLE}
          WHERE position > $1 ORDER BY position LIMIT $2`,
        [rows[0]?.position ?? '0', batchSize],
      );
      const last = events.at(-1);
      if (!last) return 0;
      await addCounts(
        client,
        events.map((event) => event.stream_id),
      );
      await client.query(`UPDATE raw_checkpoints SET position = $1 WHERE name = 'counts'`, [last.position]);
      return events.length;
    });
  }
  return countedEvents(pool);
}
