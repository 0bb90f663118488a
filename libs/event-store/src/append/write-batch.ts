import type { PoolClient } from 'pg';
import { ConcurrencyError, type ExpectedVersion } from '../errors';
import type { AppendRequest, AppendResult } from './prepared-append';

export type BatchOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** Runs inside the batch's transaction, after its events are written, before it commits. */
export type BeforeCommit = (client: PoolClient) => Promise<void>;

interface OutcomeRow {
  ok: boolean;
  actual: number | null;
  next_version: number | null;
  transaction_id: string | null;
  seq: string | null;
}

/**
 * Writes many appends (to one or many streams) at once, each checked against its own expected
 * version: an append whose expectation fails is refused alone; the others commit. Without a hook
 * it is one statement in autocommit: one round trip, one commit.
 */
export async function writeBatch(
  client: PoolClient,
  schema: string,
  requests: AppendRequest[],
  beforeCommit: BeforeCommit | undefined,
): Promise<BatchOutcome[]> {
  if (!beforeCommit) return writeRequests(client, schema, requests);
  await client.query('BEGIN');
  try {
    const outcomes = await writeRequests(client, schema, requests);
    await beforeCommit(client);
    await client.query('COMMIT');
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The appends through the store's append function, in whatever transaction the client is in. */
export async function writeRequests(
  client: PoolClient,
  schema: string,
  requests: AppendRequest[],
): Promise<BatchOutcome[]> {
  const events = requests.flatMap((r) => r.events);
  const { rows } = await client.query<OutcomeRow>({
    // Prepared once per connection: each batch then skips parsing and planning.
    name: `lintas-append-events:${schema}`,
    text: `SELECT * FROM ${schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    values: [
      requests.map((r) => r.streamId),
      requests.map((r) => expectedCode(r.expected)),
      requests.map((r) => r.events.length),
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => e.dataText),
      events.map((e) => e.metadataText),
      events.map((e) => e.personId),
      events.map((e) => e.outbox?.topic ?? null),
      events.map((e) => e.outbox?.key ?? null),
      events.map((e) => (e.outbox ? JSON.stringify(e.outbox.headers) : null)),
      events.map((e) => e.outbox?.value ?? null),
    ],
  });
  return requests.map((request, i): BatchOutcome => {
    const row = rows[i];
    if (!row) throw new Error('the store answered fewer appends than it was given');
    if (!row.ok) {
      return { ok: false, error: new ConcurrencyError(request.streamId, request.expected, row.actual ?? 0) };
    }
    return {
      ok: true,
      result: {
        streamId: request.streamId,
        nextExpectedVersion: row.next_version ?? 0,
        position: { transactionId: BigInt(row.transaction_id ?? 0), sequence: BigInt(row.seq ?? 0) },
      },
    };
  });
}

/** The append function's code for an expectation: -1 any version, 0 no stream yet, n version n. */
function expectedCode(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'no-stream') return 0;
  return expected;
}
