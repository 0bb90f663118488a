import type { Pool } from 'pg';
import type { BenchEvent } from './payload';

/**
 * The plain table the raw ceiling writes and reads: the shape of an event store (stream id, version,
 * type, json data and metadata, the stream's order as primary key, an index on a global order) and
 * nothing else: no stream heads, hashes or visibility rules.
 */
export const RAW_TABLE = 'raw_events';

export async function createRawTable(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE ${RAW_TABLE} (
      stream_id text NOT NULL,
      version integer NOT NULL,
      position bigint GENERATED ALWAYS AS IDENTITY,
      type text NOT NULL,
      data json NOT NULL,
      metadata json NOT NULL,
      PRIMARY KEY (stream_id, version)
    )`);
  await pool.query(`CREATE INDEX ${RAW_TABLE}_global_order ON ${RAW_TABLE} (position)`);
}

/**
 * One INSERT statement, so one autocommit transaction, for the events of one append. The primary
 * key is the expected-version check: a writer that lost a race collides with the version it meant to write.
 */
export async function insertEvents(
  pool: Pool,
  streamId: string,
  expectedVersion: number,
  events: readonly BenchEvent[],
): Promise<void> {
  const [only] = events;
  if (events.length === 1 && only) {
    await pool.query(
      `INSERT INTO ${RAW_TABLE} (stream_id, version, type, data, metadata) VALUES ($1, $2, $3, $4, $5)`,
      [streamId, expectedVersion + 1, only.type, JSON.stringify(only.data), JSON.stringify(only.metadata)],
    );
    return;
  }
  await pool.query(
    `INSERT INTO ${RAW_TABLE} (stream_id, version, type, data, metadata)
     SELECT $1, $2 + e.n, e.type, e.data, e.metadata
       FROM unnest($3::text[], $4::json[], $5::json[]) WITH ORDINALITY AS e(type, data, metadata, n)`,
    [
      streamId,
      expectedVersion,
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ],
  );
}
