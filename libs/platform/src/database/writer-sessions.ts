import { createHash } from 'node:crypto';
import type { ClientBase, Pool } from 'pg';

/**
 * Which transactions a reader of an ordered log must wait for, and how it knows them.
 *
 * The stores and the PostgreSQL message log order rows by (transaction id, sequence) and a reader
 * may only pass a transaction id once no transaction with a smaller id can still commit rows: else
 * a late commit would land behind a position the reader has already passed. PostgreSQL's own answer,
 * `pg_snapshot_xmin`, is server-wide: one idle-in-transaction session of any other application, in
 * any database, would hold every hand-over. So every session that may write to a log holds a shared
 * advisory lock of that log, taken before its first transaction id exists, and a reader waits only
 * for the running transactions of sessions holding it (docs/architecture.md, "Visibility").
 */
const WRITER_LOCK_CLASS = 0x4c494e54; // 'LINT'

/** The second half of a log's writer lock: a 31-bit hash of the log's schema. */
export function writerLockKey(log: string): number {
  return createHash('sha256').update(`lintas-writer:${log}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** The session-level setting that says this session holds the log's writer lock already. */
const writerSetting = (log: string): string => `lintas.writer_${log}`;

/** Makes the session a writer of the log: run before anything in it writes. */
export const writerSessionSql = (log: string): string =>
  `SELECT pg_advisory_lock_shared(${WRITER_LOCK_CLASS}, ${writerLockKey(log)}), set_config('${writerSetting(log)}', 'on', false)`;

/**
 * PL/pgSQL for the start of any function that writes a log's rows: a session that is not yet a
 * writer becomes one if it has no transaction id yet, which is as safe as having been one all
 * along; a session that wrote before is refused, since a reader may already have passed its id.
 */
export const announceWriterPlpgsql = (log: string): string => `
  IF current_setting('${writerSetting(log)}', true) IS DISTINCT FROM 'on' THEN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'this session wrote before it became a writer of %: take the writer lock before the first write', '${log}'
        USING ERRCODE = '55000';
    END IF;
    PERFORM pg_advisory_lock_shared(${WRITER_LOCK_CLASS}, ${writerLockKey(log)});
    PERFORM set_config('${writerSetting(log)}', 'on', false);
  END IF;`;

const announced = new WeakMap<Pool, Set<string>>();

/**
 * Every connection the pool opens from now on becomes a writer of the log before it is handed out
 * (pg-pool awaits `onConnect`), so a unit of work may write its inbox row or an index before it
 * appends. Idempotent per pool and log.
 */
export function announceWriterSessions(pool: Pool, log: string): Pool {
  const logs = announced.get(pool) ?? new Set<string>();
  announced.set(pool, logs);
  if (logs.has(log)) return pool;
  logs.add(log);
  const sql = writerSessionSql(log);
  // pg-pool reads the hook when it connects and awaits what it returns, though its types say void.
  const options = pool.options as { onConnect?: (client: ClientBase) => Promise<void> | void };
  const previous = options.onConnect;
  options.onConnect = async (client: ClientBase) => {
    await previous?.(client);
    await client.query(sql);
  };
  return pool;
}

/**
 * `<schema>.visibility_horizon()`: the smallest transaction id that may still commit rows into the
 * log in this schema, read as the calling statement's snapshot sees it (STABLE, so it
 * shares that snapshot). It is the least of
 *   - the snapshot's xmax: nothing at or above it is visible to the statement anyway;
 *   - the id of every running transaction of a writer session (bar the caller's own, which reads);
 *   - every id still running when the snapshot was taken that ended before the locks were read:
 *     the statement cannot see its rows, and it no longer shows as a writer.
 * Transaction ids in pg_locks are 32-bit; they are widened to xid8 next to the snapshot's xmax.
 *
 * PL/pgSQL rather than SQL: a SQL function that cannot be inlined is planned again at every call,
 * and readers call this one at every fetch. PL/pgSQL keeps the plan for the session: 0.18 ms a call
 * instead of 0.57 (measured 2026-12-07, 25 other sessions connected). A STABLE PL/pgSQL function
 * runs its query in the calling statement's snapshot, as the SQL one did.
 */
export function visibilityHorizonFunctionSql(schema: string): string {
  return `
CREATE OR REPLACE FUNCTION ${schema}.visibility_horizon() RETURNS xid8
LANGUAGE plpgsql STABLE AS $horizon$
BEGIN
  RETURN (WITH snapshot AS MATERIALIZED (
    SELECT pg_current_snapshot() AS s, pg_snapshot_xmax(pg_current_snapshot())::text::numeric AS xmax
  ),
  locks AS MATERIALIZED (
    SELECT l.pid, l.locktype, l.database, l.transactionid FROM pg_locks l
     WHERE l.granted AND l.pid <> pg_backend_pid()
       AND (l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock'
            OR l.locktype = 'advisory' AND l.classid = ${WRITER_LOCK_CLASS} AND l.objid = ${writerLockKey(schema)}
               AND l.objsubid = 2)
  ),
  running AS (
    SELECT l.pid,
           sn.xmax + (l.transactionid::text::bigint - (sn.xmax % 4294967296) + 6442450944) % 4294967296 - 2147483648 AS xid
      FROM locks l CROSS JOIN snapshot sn
     WHERE l.locktype = 'transactionid'
  )
  SELECT least(
    (SELECT xmax FROM snapshot),
    (SELECT min(r.xid) FROM running r
      WHERE r.pid IN (SELECT w.pid FROM locks w
                       WHERE w.locktype = 'advisory'
                         AND w.database = (SELECT oid FROM pg_database WHERE datname = current_database()))),
    (SELECT min(x::text::numeric) FROM snapshot sn, pg_snapshot_xip(sn.s) AS x
      WHERE x::text::numeric NOT IN (SELECT xid FROM running))
  )::text::xid8);
END
$horizon$`;
}

/** The condition a reader of a log puts on its rows: only transactions no writer can still precede. */
export const visibleTransactionSql = (schema: string, column = 'transaction_id'): string =>
  `${column} < (SELECT ${schema}.visibility_horizon())`;

/**
 * How long, in seconds, the oldest running transaction of a writer of the log has been open (0 when
 * none has a transaction id): readers of the log wait for it (see the horizon above), so this is how
 * far behind the present it may hold them. Measured from the transaction's start, since PostgreSQL
 * does not record when its id was assigned. pg_stat_activity shows another role's sessions' times
 * only to a member of pg_read_all_stats.
 */
export const oldestWriterTransactionAgeSql = (log: string): string => `
SELECT greatest(0, coalesce(extract(epoch FROM now() - min(a.xact_start)), 0))::float8 AS seconds
  FROM pg_stat_activity a
 WHERE a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()
   AND a.pid IN (SELECT l.pid FROM pg_locks l
                  WHERE l.granted AND l.locktype = 'advisory'
                    AND l.classid = ${WRITER_LOCK_CLASS} AND l.objid = ${writerLockKey(log)} AND l.objsubid = 2
                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))`;
