import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { applySchema } from '../../database/apply-schema';
import { announceWriterSessions } from '../../database/writer-sessions';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' };

/**
 * The first response to each (agency, Idempotency-Key), kept so that a retry gets it again and
 * creates nothing. The key is claimed and answered inside the transaction of the work itself:
 * a concurrent retry's claim waits for the first attempt to end and then sees its answer, and an
 * attempt that died (its connection gone, its transaction rolled back) leaves no claim behind,
 * so nothing ever waits out a timeout and nothing runs twice.
 */
export class IdempotencyKeys {
  /**
   * The connections units of work run on, apart from the service's pool: a request holds its
   * connection while its handler runs, and what the handler reaches through the service's pool
   * besides its own transaction (a person's key, a read model) must never wait behind requests
   * that wait for it. More requests than this queue for a connection, in order.
   */
  private readonly units: Pool;
  private ready?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    concurrentUnits = 8,
  ) {
    // A unit may write its inbox row or an index before it appends: its session is a writer from the start.
    this.units = announceWriterSessions(new Pool({ ...pool.options, max: concurrentUnits }), schema);
    // An idle connection the server ends (restart, failover) is replaced on next use.
    this.units.on('error', () => undefined);
  }

  /** A connection for one unit of work; `done` gives it back (broken, when the error says so). */
  async connectUnit(): Promise<PoolClient & { done(error?: Error): void }> {
    const client = await this.units.connect();
    return Object.assign(client, { done: (error?: Error) => client.release(error) });
  }

  onApplicationShutdown(): Promise<void> {
    return this.units.end();
  }

  /** Made on first use, not at start: a service whose database is away still starts, and says it is not ready. */
  private createSchema(): Promise<void> {
    this.ready ??= this.applySchema().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async applySchema(): Promise<void> {
    await applySchema(this.pool, `lintas-idempotency:${this.schema}`, [
      `CREATE SCHEMA IF NOT EXISTS ${this.schema}`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.idempotency_keys (
         agency_id text NOT NULL,
         key text NOT NULL,
         request_hash bytea NOT NULL,
         status integer,
         body json,
         claimed_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (agency_id, key)
       )`,
    ]);
  }

  static fingerprint(method: string, path: string, body: unknown): Buffer {
    return createHash('sha256')
      .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
      .digest();
  }

  /**
   * Claims the key for the caller's transaction: waits while another attempt with it has not
   * ended, then finds its answer if it committed one. An advisory lock, not a row, so that the
   * transaction gets no id before the command locks its streams: a transaction that waited for a
   * stream must take its id after the one it waited for, or the global order would put its event
   * before the earlier one of the same stream.
   */
  async claimWithin(client: PoolClient, agencyId: string, key: string, fingerprint: Buffer): Promise<Claim> {
    await this.createSchema();
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency\n${agencyId}\n${key}`]);
    const { rows } = await client.query<{ request_hash: Buffer; status: number | null; body: unknown }>(
      `SELECT request_hash, status, body FROM ${this.schema}.idempotency_keys WHERE agency_id = $1 AND key = $2`,
      [agencyId, key],
    );
    const row = rows[0];
    // A row without an answer can only be left by an earlier release of Lintas, which claimed first.
    if (!row || row.status === null) return { kind: 'claimed' };
    if (!row.request_hash.equals(fingerprint)) return { kind: 'mismatch' };
    return { kind: 'replay', response: { status: row.status, body: row.body } };
  }

  /** Keeps the answer in the same transaction as the work's writes, as the last write. */
  async answerWithin(
    client: PoolClient,
    agencyId: string,
    key: string,
    fingerprint: Buffer,
    response: StoredResponse,
  ): Promise<void> {
    await client.query(
      `INSERT INTO ${this.schema}.idempotency_keys (agency_id, key, request_hash, status, body)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agency_id, key) DO UPDATE
         SET request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, claimed_at = now()`,
      [agencyId, key, fingerprint, response.status, JSON.stringify(response.body ?? null)],
    );
  }
}
