import type { Client, Pool, PoolClient } from 'pg';

/**
 * The read model every rebuild row builds: how many events each stream holds, one row per stream.
 * Small on purpose, so that the rows measure feeding a projection, not the projection's own work.
 * In the connection's default schema, or in `schema` (the swap row's, which rebuilds it in a shadow).
 */
const TABLE = 'stream_event_counts';

type Queryable = Pool | PoolClient | Client;

const table = (schema?: string): string => (schema ? `${schema}.${TABLE}` : TABLE);

export const createCountsTableSql = (schema?: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table(schema)} (stream_id text PRIMARY KEY, events integer NOT NULL)`;

export async function createCountsTable(db: Queryable, schema?: string): Promise<void> {
  await db.query(createCountsTableSql(schema));
}

export async function truncateCounts(db: Queryable, schema?: string): Promise<void> {
  await db.query(`TRUNCATE ${table(schema)}`);
}

/** One multi-row upsert for a whole batch. Counted first: one statement may not touch a row twice. */
export async function addCounts(db: Queryable, streamIds: Iterable<string>, schema?: string): Promise<void> {
  const counts = new Map<string, number>();
  for (const streamId of streamIds) counts.set(streamId, (counts.get(streamId) ?? 0) + 1);
  if (counts.size === 0) return;
  await db.query(
    `INSERT INTO ${table(schema)} (stream_id, events) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (stream_id) DO UPDATE SET events = ${TABLE}.events + excluded.events`,
    [[...counts.keys()], [...counts.values()]],
  );
}

/** Every event the projection has counted: what a rebuild row reports, so that skipped work cannot look fast. */
export async function countedEvents(db: Queryable, schema?: string): Promise<number> {
  const { rows } = await db.query<{ total: string | null }>(`SELECT sum(events)::text AS total FROM ${table(schema)}`);
  return Number(rows[0]?.total ?? 0);
}
