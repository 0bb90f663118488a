import type { PoolClient } from 'pg';
import { ConcurrencyError, type ExpectedVersion } from '../errors';
import { eventHash, GENESIS } from '../hashing/event-hash';
import type { GlobalPosition } from '../position';
import type { AppendedEvent, AppendRequest, AppendResult, PreparedEvent } from './prepared-append';

export type BatchOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** Runs inside the batch's transaction, after its events are written: the outbox joins here. */
export type BeforeCommit = (client: PoolClient, appended: AppendedEvent[]) => Promise<void>;

interface Head {
  version: number;
  hash: Buffer;
}

interface Row extends PreparedEvent {
  streamId: string;
  streamVersion: number;
  hash: Buffer;
}

/**
 * Writes many appends (to one or many streams) in one transaction and one round trip for the rows,
 * checking each append's expected version against the stream heads it locks. An append whose
 * expectation fails is refused alone; the others commit. Heads are locked in key order so that
 * concurrent batches cannot deadlock.
 */
export async function writeBatch(
  client: PoolClient,
  schema: string,
  requests: AppendRequest[],
  beforeCommit: BeforeCommit | undefined,
): Promise<BatchOutcome[]> {
  // On a pipelined connection BEGIN travels with the lock and head queries, and COMMIT with the
  // inserts: two round trips per batch. After a failed statement PostgreSQL turns COMMIT into ROLLBACK.
  const begin = client.query('BEGIN');
  try {
    const outcomes = writeRequests(client, schema, requests, beforeCommit, () => client.query('COMMIT'));
    await begin;
    return await outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The body of a batch, inside a transaction the caller opened. `commit`, when given, is issued
 * right behind the inserts (not after their answers), and awaited before returning.
 */
export async function writeRequests(
  client: PoolClient,
  schema: string,
  requests: AppendRequest[],
  beforeCommit: BeforeCommit | undefined,
  commit?: () => Promise<unknown>,
): Promise<BatchOutcome[]> {
  const heads = await lockHeads(client, schema, [...new Set(requests.map((r) => r.streamId))]);
  const rows: Row[] = [];
  const lastRowOf = new Map<number, number>();
  const outcomes: BatchOutcome[] = [];
  requests.forEach((request, index) => {
    const head = heads.get(request.streamId) ?? { version: 0, hash: GENESIS };
    if (!satisfies(request.expected, head.version)) {
      outcomes[index] = { ok: false, error: new ConcurrencyError(request.streamId, request.expected, head.version) };
      return;
    }
    let { version, hash } = head;
    for (const event of request.events) {
      version += 1;
      hash = eventHash(hash, { ...event, streamId: request.streamId, streamVersion: version });
      rows.push({ ...event, streamId: request.streamId, streamVersion: version, hash });
    }
    heads.set(request.streamId, { version, hash });
    lastRowOf.set(index, rows.length - 1);
  });

  const inserted = rows.length > 0 ? insertRows(client, schema, rows, heads) : Promise.resolve([]);
  const outboxed = insertOutbox(client, schema, rows);
  // A hook must see the rows before the commit, so it forgoes sending COMMIT behind the inserts.
  const committed = beforeCommit ? undefined : commit?.();
  const settled = await Promise.allSettled([inserted, outboxed, committed]);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  const positions = await inserted;

  for (const [index, row] of lastRowOf) {
    const request = requests[index];
    const position = positions[row];
    const written = rows[row];
    if (!request || !position || !written) throw new Error('the store returned fewer rows than it was given');
    outcomes[index] = {
      ok: true,
      result: { streamId: request.streamId, nextExpectedVersion: written.streamVersion, position },
    };
  }
  if (beforeCommit) {
    if (rows.length > 0) {
      await beforeCommit(
        client,
        rows.map(({ hash: _hash, ...row }, i) => ({
          ...row,
          position: positions[i] ?? { transactionId: 0n, sequence: 0n },
        })),
      );
    }
    await commit?.();
  }
  return outcomes;
}

/**
 * Locks the heads with advisory locks, in key order, before reading them. Advisory locks do not
 * give the transaction an id, so it gets one only when it inserts, after every lock is held: a
 * transaction that waited for a stream therefore always has a higher id than the one it waited
 * for, and the global order (transaction id, sequence) keeps each stream's events in order.
 * Row locks (SELECT … FOR UPDATE) would assign the id at the first lock, before the wait.
 */
async function lockHeads(client: PoolClient, schema: string, streamIds: string[]): Promise<Map<string, Head>> {
  // Sent together; the server runs them in order, so the heads are read after every lock is held.
  const [, { rows }] = await Promise.all([
    client.query(
      `SELECT pg_advisory_xact_lock(key)
         FROM (SELECT DISTINCT hashtextextended(id, 0) AS key FROM unnest($1::text[]) AS id ORDER BY key) AS keys`,
      [streamIds],
    ),
    client.query<{ stream_id: string; version: number; last_hash: Buffer }>(
      `SELECT stream_id, version, last_hash FROM ${schema}.streams WHERE stream_id = ANY($1::text[])`,
      [streamIds],
    ),
  ]);
  return new Map(rows.map((r) => [r.stream_id, { version: r.version, hash: r.last_hash }]));
}

/** One statement writes the events and moves the stream heads; returns each event's global position. */
async function insertRows(
  client: PoolClient,
  schema: string,
  rows: Row[],
  heads: Map<string, Head>,
): Promise<GlobalPosition[]> {
  const touched = [...new Set(rows.map((r) => r.streamId))];
  const { rows: written } = await client.query<{ transaction_id: string; sequence: string }>(
    `WITH inserted AS (
       INSERT INTO ${schema}.events
         (stream_id, stream_version, event_id, type, schema_version, data, metadata, person_id, hash)
       SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::json[], $7::json[],
                            $8::uuid[], $9::bytea[])
       RETURNING transaction_id, sequence
     ), moved AS (
       INSERT INTO ${schema}.streams (stream_id, version, last_hash)
       SELECT * FROM unnest($10::text[], $11::int[], $12::bytea[])
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash
     )
     SELECT transaction_id::text, sequence::text FROM inserted ORDER BY inserted.sequence`,
    [
      rows.map((r) => r.streamId),
      rows.map((r) => r.streamVersion),
      rows.map((r) => r.eventId),
      rows.map((r) => r.type),
      rows.map((r) => r.schemaVersion),
      rows.map((r) => r.dataText),
      rows.map((r) => r.metadataText),
      rows.map((r) => r.personId),
      rows.map((r) => r.hash),
      touched,
      touched.map((id) => heads.get(id)?.version ?? 0),
      touched.map((id) => heads.get(id)?.hash ?? GENESIS),
    ],
  );
  // unnest keeps the input order and the identity is drawn in that order, so row i is event i.
  return written.map((w) => ({ transactionId: BigInt(w.transaction_id), sequence: BigInt(w.sequence) }));
}

function satisfies(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 0;
  return expected === actual;
}

async function insertOutbox(client: PoolClient, schema: string, rows: Row[]): Promise<void> {
  const messages = rows.flatMap((row) => (row.outbox ? [row.outbox] : []));
  if (messages.length === 0) return;
  await client.query(
    `INSERT INTO ${schema}.outbox (topic, key, headers, value)
     SELECT * FROM unnest($1::text[], $2::text[], $3::json[], $4::bytea[])`,
    [
      messages.map((m) => m.topic),
      messages.map((m) => m.key),
      messages.map((m) => JSON.stringify(m.headers)),
      messages.map((m) => m.value),
    ],
  );
}
