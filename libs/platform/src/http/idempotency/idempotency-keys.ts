import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { applySchema } from '../../database/apply-schema';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'in-progress' } | { kind: 'mismatch' };

/** A request whose first attempt has not answered for this long is taken over by its retry. */
const ABANDONED_AFTER = '60 seconds';

/**
 * The first response to each (agency, Idempotency-Key), kept so that a retry gets it again and
 * creates nothing. The key is claimed before the work and answered after it; a claim never
 * answered (the process died) can be taken over.
 */
export class IdempotencyKeys {
  private ready?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

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

  async claim(agencyId: string, key: string, fingerprint: Buffer): Promise<Claim> {
    await this.createSchema();
    const { rows } = await this.pool.query<{
      claimed: boolean;
      request_hash: Buffer;
      status: number | null;
      body: unknown;
    }>(
      `WITH claimed AS (
         INSERT INTO ${this.schema}.idempotency_keys (agency_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (agency_id, key) DO UPDATE SET claimed_at = now()
           WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = $3
             AND idempotency_keys.claimed_at < now() - interval '${ABANDONED_AFTER}'
         RETURNING true AS claimed
       )
       SELECT true AS claimed, NULL::bytea AS request_hash, NULL::int AS status, NULL::json AS body FROM claimed
       UNION ALL
       SELECT false, request_hash, status, body FROM ${this.schema}.idempotency_keys
        WHERE agency_id = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [agencyId, key, fingerprint],
    );
    const row = rows[0];
    if (!row || row.claimed) return { kind: 'claimed' };
    if (!row.request_hash.equals(fingerprint)) return { kind: 'mismatch' };
    if (row.status === null) return { kind: 'in-progress' };
    return { kind: 'replay', response: { status: row.status, body: row.body } };
  }

  async answer(agencyId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.schema}.idempotency_keys SET status = $3, body = $4 WHERE agency_id = $1 AND key = $2`,
      [agencyId, key, response.status, JSON.stringify(response.body ?? null)],
    );
  }

  /** The work failed: a retry with the same key may try again. */
  async release(agencyId: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.schema}.idempotency_keys WHERE agency_id = $1 AND key = $2 AND status IS NULL`,
      [agencyId, key],
    );
  }
}
