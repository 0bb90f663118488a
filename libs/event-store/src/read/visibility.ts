/**
 * Only transactions older than every transaction still running: a late commit can never land
 * behind what a reader has already passed. Every reader of the global order uses this.
 */
export const VISIBLE_TRANSACTION_SQL = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';
