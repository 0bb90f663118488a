import { Pool, type PoolConfig } from 'pg';

/**
 * A pg pool whose idle connections may die quietly. pool.end() resolves before its connections
 * have closed, so dropping the database right after (WITH FORCE) can terminate one that is still
 * closing; without a listener the pool re-raises that as an uncaught 'error'. A query's own errors
 * still reach its caller.
 */
export function benchPool(config: PoolConfig): Pool {
  const pool = new Pool(config);
  pool.on('error', () => undefined);
  return pool;
}
