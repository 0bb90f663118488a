import type { Pool } from 'pg';
import { inTransaction } from './transaction';

/**
 * Runs idempotent DDL (CREATE … IF NOT EXISTS) in one transaction under an advisory lock named
 * after what it creates: two processes starting together would otherwise race on the catalogue,
 * and one of them would fail on a unique index there.
 */
export async function applySchema(pool: Pool, lockName: string, statements: readonly string[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    for (const statement of statements) await client.query(statement);
  });
}
