import { Pool } from 'pg';

/** The one place a service's connection pool is made, so every service names itself to PostgreSQL. */
export function createPostgresPool(url: string, applicationName: string, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool({ connectionString: url, application_name: applicationName, max: 10 });
  // Without a listener, an idle connection that the server ends (restart, failover) kills the process.
  pool.on('error', onIdleError);
  return pool;
}
