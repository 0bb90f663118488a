import type { Pool, PoolClient } from 'pg';

/** Runs work in one transaction on a pooled connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const { begun } = await begin(client);
    const result = await work(client);
    await begun;
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Sends BEGIN. On a pipelined connection (the services' pools are: see createPostgresPool) it does
 * not wait for the answer, so that the BEGIN travels with the transaction's first statement: under
 * load every round trip waits for the server and the event loop in turn (measured 2026-12-07: a
 * BEGIN alone took 1.5 ms at the median, 8 ms at p99, in a consumer's transaction). Await `begun`
 * before the COMMIT.
 */
export async function begin(client: PoolClient): Promise<{ begun: Promise<unknown> }> {
  const begun = client.query('BEGIN');
  // Awaited later; marked handled meanwhile so that a failure is not an unhandled rejection.
  begun.catch(() => undefined);
  if (!isPipelined(client)) await begun;
  return { begun };
}

/** Whether the connection sends a query without waiting for the answers to those before it. */
export function isPipelined(client: PoolClient): boolean {
  return (client as PoolClient & { pipeline?: boolean }).pipeline === true;
}
