import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';

/**
 * A read model whose one row is a hash over every event it applied, in order: two projections
 * with the same digest applied the same events in the same order, exactly once each.
 */
export class DigestProjection implements Projection {
  constructor(
    readonly name: string,
    private readonly schema: string,
  ) {}

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${this.schema}.digests (name text PRIMARY KEY, hash bytea, count int)`,
    );
    const { rows } = await client.query<{ hash: Buffer; count: number }>(
      `SELECT hash, count FROM ${this.schema}.digests WHERE name = $1`,
      [this.name],
    );
    let hash = rows[0]?.hash ?? Buffer.alloc(32);
    for (const event of events) {
      hash = createHash('sha256').update(hash).update(event.id).update(JSON.stringify(event.data)).digest();
    }
    await client.query(
      `INSERT INTO ${this.schema}.digests (name, hash, count) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, count = ${this.schema}.digests.count + $3`,
      [this.name, hash, events.length],
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${this.schema}.digests (name text PRIMARY KEY, hash bytea, count int)`,
    );
    await client.query(`DELETE FROM ${this.schema}.digests WHERE name = $1`, [this.name]);
  }

  async read(client: { query: PoolClient['query'] }): Promise<{ hash: string; count: number } | undefined> {
    const { rows } = await client.query<{ hash: Buffer; count: number }>(
      `SELECT hash, count FROM ${this.schema}.digests WHERE name = $1`,
      [this.name],
    );
    const row = rows[0];
    return row ? { hash: row.hash.toString('hex'), count: row.count } : undefined;
  }
}
