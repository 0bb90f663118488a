import { Pool } from 'pg';
import { announceWriterSessions } from './writer-sessions';

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
  const pool = new Pool({ connectionString: url, application_name: applicationName, max: 10 });
  // Without a listener, an idle connection that the server ends (restart, failover) kills the process.
  pool.on('error', onIdleError);
  return announceWriterSessions(pool, storeSchema);
}
