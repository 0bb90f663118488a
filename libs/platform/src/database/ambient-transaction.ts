import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';
import { hasSqlState, SqlState } from './sql-state';

/**
 * The transaction a unit of work runs in (an HTTP write, an inbox delivery), found by whatever
 * writes during it. One unit, one transaction: the events a command appends, the inbox row of
 * the event that caused it and the answer kept for an Idempotency-Key commit or vanish together.
 */
export interface AmbientTransaction {
  readonly client: PoolClient;
  /** Runs once the unit of work committed (wakes readers); never when it rolled back. */
  afterCommit(callback: () => void): void;
}

const storage = new AsyncLocalStorage<AmbientTransaction & { callbacks: (() => void)[] }>();

export function currentTransaction(): AmbientTransaction | undefined {
  return storage.getStore();
}

/** Makes a transaction the caller holds (and commits) ambient while `work` runs. */
export async function withinTransaction<T>(
  client: PoolClient,
  work: () => Promise<T>,
): Promise<{ result: T; committed: () => void }> {
  const callbacks: (() => void)[] = [];
  const ambient = { client, callbacks, afterCommit: (callback: () => void) => void callbacks.push(callback) };
  const result = await storage.run(ambient, work);
  return { result, committed: () => callbacks.forEach((callback) => callback()) };
}

/**
 * Runs work in the ambient transaction when there is one (it commits with the unit of work),
 * else in a transaction of its own on the pool, committed before this returns.
 */
export async function joinOrBegin<T>(pool: Pool, work: (transaction: AmbientTransaction) => Promise<T>): Promise<T> {
  const ambient = currentTransaction();
  if (ambient) return work(ambient);
  let committed = (): void => undefined;
  const result = await inTransaction(pool, async (client) => {
    const run = await withinTransaction(client, () => work(storage.getStore() as AmbientTransaction));
    committed = run.committed;
    return run.result;
  });
  committed();
  return result;
}

/** A transaction PostgreSQL aborted to break a deadlock or a serialization conflict: running it again succeeds. */
export function isRetryableTransactionError(error: unknown): boolean {
  return hasSqlState(error, SqlState.serializationFailure, SqlState.deadlockDetected);
}
