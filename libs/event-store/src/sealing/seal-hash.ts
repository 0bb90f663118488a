/**
 * A seal covers a run of events in global order: sha256 of the previous seal's hash followed by
 * each event's own hash. Deleting a whole stream, or moving an event in the global order, changes
 * the run and so the seal, which the per-stream chains alone cannot show. Computed by PostgreSQL
 * over the rows between two positions, so no event leaves the database to be sealed or checked.
 */
export function sealHashSql(schema: string): string {
  return `SELECT sha256($1::bytea || coalesce(string_agg(hash, ''::bytea ORDER BY transaction_id, sequence), ''::bytea)) AS hash,
                 count(*)::int AS count
            FROM ${schema}.events
           WHERE (transaction_id, sequence) > ($2::text::xid8, $3::bigint)
             AND (transaction_id, sequence) <= ($4::text::xid8, $5::bigint)`;
}
