import type { Pool } from 'pg';

/** The person and every record intake linked with them, directly or through another: one person's ids. */
export async function ledgerPersonGroup(pool: Pool, schema: string, personId: string): Promise<string[]> {
  const { rows } = await pool.query<{ person_id: string }>(
    `WITH RECURSIVE grp(person_id) AS (
       SELECT $1::uuid
       UNION
       SELECT l.linked_person_id FROM ${schema}.ledger_person_links l JOIN grp ON l.person_id = grp.person_id
     )
     SELECT person_id::text FROM grp`,
    [personId],
  );
  // The person asked about first, then the others in a stable order.
  return [
    personId,
    ...rows
      .map((r) => r.person_id)
      .filter((id) => id !== personId)
      .sort(),
  ];
}
