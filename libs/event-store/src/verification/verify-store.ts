import type { Pool } from 'pg';
import { EVENT_HASH_SQL, GENESIS } from '../hashing/event-hash';
import { sealHashSql } from '../sealing/seal-hash';

export type BreakKind =
  | 'event-altered'
  | 'event-missing'
  | 'stream-head-mismatch'
  | 'stream-head-missing'
  | 'stream-missing'
  | 'seal-mismatch';

/** The first place where the stored history no longer matches its hashes. */
export interface ChainBreak {
  kind: BreakKind;
  streamId?: string;
  streamVersion?: number;
  sealNumber?: number;
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  sealsChecked: number;
  /** Events after the last seal: covered by their stream chains only, until the sealer reaches them. */
  unsealedEvents: number;
  firstBreak?: ChainBreak;
}

/**
 * Checks every link of every stream's chain, every stream head, then every seal against the
 * events in global order, and names the first broken link. PostgreSQL recomputes the hashes
 * itself (sha256 over the stored bytes), so no event is shipped out and the work runs on the
 * database's own cores; the checks run at once on separate connections.
 */
export async function verifyStore(pool: Pool, schema: string): Promise<VerificationReport> {
  const [links, heads, seals, counts] = await Promise.all([
    firstBrokenLink(pool, schema),
    firstBrokenHead(pool, schema),
    verifySeals(pool, schema),
    countAll(pool, schema),
  ]);
  const firstBreak = links ?? heads ?? seals.firstBreak;
  return {
    ok: firstBreak === undefined,
    eventsChecked: counts.events,
    streamsChecked: counts.streams,
    sealsChecked: seals.sealsChecked,
    unsealedEvents: seals.unsealedEvents,
    ...(firstBreak ? { firstBreak } : {}),
  };
}

async function firstBrokenLink(pool: Pool, schema: string): Promise<ChainBreak | undefined> {
  const { rows } = await pool.query<{ stream_id: string; stream_version: number; expected_version: number }>(
    `WITH linked AS (
       SELECT stream_id, stream_version, hash, type, schema_version, event_id, data, metadata,
              lag(stream_version, 1, 0) OVER w + 1 AS expected_version,
              coalesce(lag(hash) OVER w, $1::bytea) AS previous
         FROM ${schema}.events WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version)
     )
     SELECT stream_id, stream_version, expected_version FROM linked
      WHERE stream_version <> expected_version OR hash <> ${EVENT_HASH_SQL}
      ORDER BY linked.stream_id, linked.stream_version LIMIT 1`,
    [GENESIS],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stream_version !== row.expected_version) {
    return {
      kind: 'event-missing',
      streamId: row.stream_id,
      streamVersion: row.expected_version,
      detail: `stream ${row.stream_id} jumps from version ${row.expected_version - 1} to ${row.stream_version}`,
    };
  }
  return {
    kind: 'event-altered',
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    detail: `event ${row.stream_version} of stream ${row.stream_id} does not match its hash: altered, or moved here`,
  };
}

async function firstBrokenHead(pool: Pool, schema: string): Promise<ChainBreak | undefined> {
  const { rows } = await pool.query<{ stream_id: string; head_version: number | null; last_version: number | null }>(
    `WITH last AS (
       SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM ${schema}.events
        ORDER BY stream_id, stream_version DESC
     )
     SELECT coalesce(h.stream_id, l.stream_id) AS stream_id, h.version AS head_version, l.stream_version AS last_version
       FROM ${schema}.streams h FULL JOIN last l ON l.stream_id = h.stream_id
      WHERE h.stream_id IS NULL OR l.stream_id IS NULL OR h.version <> l.stream_version OR h.last_hash <> l.hash
      ORDER BY 1 LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.head_version === null) {
    return {
      kind: 'stream-head-missing',
      streamId: row.stream_id,
      detail: `stream ${row.stream_id} has events but no head`,
    };
  }
  if (row.last_version === null) {
    return {
      kind: 'stream-missing',
      streamId: row.stream_id,
      detail: `stream ${row.stream_id} has a head but no events`,
    };
  }
  return {
    kind: 'stream-head-mismatch',
    streamId: row.stream_id,
    streamVersion: row.last_version,
    detail: `stream ${row.stream_id} ends at version ${row.last_version} but its head says ${row.head_version}: events were removed from its end`,
  };
}

async function verifySeals(
  pool: Pool,
  schema: string,
): Promise<{ sealsChecked: number; unsealedEvents: number; firstBreak?: ChainBreak }> {
  const { rows: seals } = await pool.query<{
    number: string;
    last_transaction_id: string;
    last_sequence: string;
    event_count: number;
    hash: Buffer;
  }>(
    `SELECT number::text, last_transaction_id::text, last_sequence::text, event_count, hash
       FROM ${schema}.seals ORDER BY seals.number`,
  );
  let previous: Buffer = GENESIS;
  let after: [string, string] = ['0', '0'];
  let sealsChecked = 0;
  for (const seal of seals) {
    const { rows } = await pool.query<{ hash: Buffer; count: number }>(sealHashSql(schema), [
      previous,
      ...after,
      seal.last_transaction_id,
      seal.last_sequence,
    ]);
    const count = rows[0]?.count ?? 0;
    if (count !== seal.event_count || !rows[0]?.hash.equals(seal.hash)) {
      return {
        sealsChecked,
        unsealedEvents: 0,
        firstBreak: {
          kind: 'seal-mismatch',
          sealNumber: Number(seal.number),
          detail: `seal ${seal.number} covered ${seal.event_count} events up to ${seal.last_transaction_id}.${seal.last_sequence}; the store now holds ${count} there${count === seal.event_count ? ', changed or reordered' : ''}`,
        },
      };
    }
    sealsChecked += 1;
    previous = seal.hash;
    after = [seal.last_transaction_id, seal.last_sequence];
  }
  const { rows: rest } = await pool.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM ${schema}.events WHERE (transaction_id, sequence) > ($1::text::xid8, $2::bigint)`,
    after,
  );
  return { sealsChecked, unsealedEvents: Number(rest[0]?.count ?? 0) };
}

async function countAll(pool: Pool, schema: string): Promise<{ events: number; streams: number }> {
  const { rows } = await pool.query<{ events: number; streams: number }>(
    `SELECT (SELECT count(*)::int FROM ${schema}.events) AS events, (SELECT count(*)::int FROM ${schema}.streams) AS streams`,
  );
  return { events: rows[0]?.events ?? 0, streams: rows[0]?.streams ?? 0 };
}
