import type { Pool, PoolClient } from 'pg';
import { START, type GlobalPosition } from '../position';

type Queryable = Pool | PoolClient;

/** A projection's position in the global order, stored beside its read model. */
export class Checkpoints {
  constructor(private readonly schema: string) {}

  async read(db: Queryable, name: string): Promise<GlobalPosition> {
    const { rows } = await db.query<{ transaction_id: string; sequence: string }>(
      `SELECT transaction_id::text, sequence::text FROM ${this.schema}.checkpoints WHERE name = $1`,
      [name],
    );
    const row = rows[0];
    return row ? { transactionId: BigInt(row.transaction_id), sequence: BigInt(row.sequence) } : START;
  }

  /** Locks the checkpoint for the caller's transaction, so two instances never apply the same batch. */
  async lock(client: PoolClient, name: string): Promise<GlobalPosition> {
    await client.query(
      `INSERT INTO ${this.schema}.checkpoints (name, transaction_id, sequence) VALUES ($1, '0', 0)
       ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    const { rows } = await client.query<{ transaction_id: string; sequence: string }>(
      `SELECT transaction_id::text, sequence::text FROM ${this.schema}.checkpoints WHERE name = $1 FOR UPDATE`,
      [name],
    );
    const row = rows[0];
    return row ? { transactionId: BigInt(row.transaction_id), sequence: BigInt(row.sequence) } : START;
  }

  async write(client: PoolClient, name: string, position: GlobalPosition): Promise<void> {
    await client.query(
      `UPDATE ${this.schema}.checkpoints SET transaction_id = $2::text::xid8, sequence = $3, updated_at = now()
        WHERE name = $1`,
      [name, position.transactionId.toString(), position.sequence.toString()],
    );
  }
}
