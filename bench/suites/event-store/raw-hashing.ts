import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { RAW_TABLE } from './raw-events';

/** verifyStore's page, so that both walk the rows in the same steps. */
const PAGE = 10_000;

/**
 * The ceiling of chain verification: every row read in stream order, as verifyStore reads them,
 * and its stored JSON text (not re-serialised) put through sha256. Resolves with the rows hashed.
 */
export async function hashAllRows(pool: Pool): Promise<number> {
  let hashed = 0;
  let after: [string, number] = ['', 0];
  for (;;) {
    const { rows } = await pool.query<{ stream_id: string; version: number; data: string; metadata: string }>(
      `SELECT stream_id, version, data::text, metadata::text FROM ${RAW_TABLE}
        WHERE (stream_id, version) > ($1, $2) ORDER BY stream_id, version LIMIT ${PAGE}`,
      after,
    );
    for (const row of rows) createHash('sha256').update(row.data).update('\n').update(row.metadata).digest();
    hashed += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return hashed;
    after = [last.stream_id, last.version];
  }
}
