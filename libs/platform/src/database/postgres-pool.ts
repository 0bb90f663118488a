import { Pool, type PoolConfig } from 'pg';
import { CoalescingSocket } from './coalescing-socket';
import { announceWriterSessions } from './writer-sessions';

/**
 * How every Lintas connection talks to PostgreSQL. Pipelined: a query is sent without waiting for
 * the answer to the one before it on the connection, so a transaction's BEGIN travels with its
 * first statement (see begin in transaction.ts); and what one turn of the event loop sends leaves
 * in one write (CoalescingSocket). Pools made from a pool's options inherit both.
 */
export const CONNECTION_OPTIONS = {
  pipeline: true,
  stream: () => new CoalescingSocket(),
} as const satisfies PoolConfig & { pipeline: boolean };

/**
 * The one place a service's connection pool is made, so every service names itself to PostgreSQL
 * and every connection is a writer of its store before its first write (see writer-sessions.ts).
 */
export function createPostgresPool(
  url: string,
  applicationName: string,
  onIdleError: (error: Error) => void,
  /** The schema of the service's event store, whose writer every connection is. */
  storeSchema: string,
): Pool {
  // The pools made from these options (units of work, keys, the log's publishers) connect the same way.
  const pool = new Pool({ connectionString: url, application_name: applicationName, max: 10, ...CONNECTION_OPTIONS });
  // Without a listener, an idle connection that the server ends (restart, failover) kills the process.
  pool.on('error', onIdleError);
  return announceWriterSessions(pool, storeSchema);
}
