import type { EventStore } from '../event-store';
import { visibleTransactions } from '../read/visibility';

/** How far a projection is behind the events readers may see now. */
export interface ProjectionLag {
  projection: string;
  /** Events readers may see that the projection has not applied. */
  events: number;
  /** How long ago the oldest of them was recorded; 0 when it is not behind. */
  seconds: number;
}

/**
 * Each projection's lag, read from its checkpoint (a projection that never ran starts from the
 * first event). Events behind the visibility horizon do not count: no reader may see them yet, so
 * a projection is not late for them. For metrics, at scrape time: an index range per projection.
 */
export async function projectionLag(store: EventStore, names: readonly string[]): Promise<ProjectionLag[]> {
  const s = store.schema;
  const after = `(e.transaction_id, e.sequence) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.sequence, 0))`;
  const { rows } = await store.pool.query<{ name: string; events: number; seconds: number }>(
    `SELECT p.name, behind.events,
            greatest(0, coalesce(extract(epoch FROM now() - oldest.recorded_at), 0))::float8 AS seconds
       FROM unnest($1::text[]) AS p(name)
       LEFT JOIN ${s}.checkpoints c ON c.name = p.name
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS events FROM ${s}.events e
          WHERE ${after} AND ${visibleTransactions(s, 'e.transaction_id')}
       ) behind
       LEFT JOIN LATERAL (
         SELECT (e.metadata->>'recordedAt')::timestamptz AS recorded_at FROM ${s}.events e
          WHERE ${after} AND ${visibleTransactions(s, 'e.transaction_id')}
          ORDER BY e.transaction_id, e.sequence LIMIT 1
       ) oldest ON true`,
    [names],
  );
  return rows.map((row) => ({ projection: row.name, events: row.events, seconds: row.seconds }));
}
