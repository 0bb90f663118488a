import type { Client, Pool, PoolClient } from 'pg';

/**
 * The read model every rebuild row builds: how many events each stream holds, one row per stream.
 * Small on purpose, so that the rows measure feeding a projection, not the projection's own work.
 */
const TABLE = 'stream_event_counts';

type Queryable = Pool | PoolClient | Client;

export async function createCountsTable(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (stream_id text PRIMARY KEY, events integer NOT NULL)`);
}

export async function truncateCounts(db: Queryable): Promise<void> {
  await db.query(`TRUNCATE ${TABLE}`);
}

/** One multi-row upsert for a whole batch. Counted first: one statement may not touch a row twice. */
export async function addCounts(db: Queryable, streamIds: Iterable<string>): Promise<void> {
  const counts = new Map<string, number>();
  for (const streamId of streamIds) counts.set(streamId, (counts.get(streamId) ?? 0) + 1);
  if (counts.size === 0) return;
  await db.query(
    `INSERT INTO ${TABLE} (stream_id, events) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (stream_id) DO UPDATE SET events = ${TABLE}.events + excluded.events`,
    [[...counts.keys()], [...counts.values()]],
  );
}

/** Every event the projection has counted: what a rebuild row reports, so that skipped work cannot look fast. */
export async function countedEvents(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ total: string | null }>(`SELECT sum(events)::text AS total FROM ${TABLE}`);
  return Number(rows[0]?.total ?? 0);
}
