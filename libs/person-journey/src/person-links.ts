import type { Pool, PoolClient } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';

type Queryable = Pool | PoolClient;

/**
 * Persons found to be one (a re-pickup, a late identification): every record keeps its own
 * history and the journey of any of them reads all of them. Links are kept flat: each linked
 * person points at the group's survivor, so a read is one lookup.
 */
export class PersonLinks {
  constructor(private readonly schema: string) {}

  static ddl(schema: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.person_links (
         person_id uuid PRIMARY KEY,
         survivor_id uuid NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS person_links_survivor ON ${schema}.person_links (survivor_id)`,
    ];
  }

  async link(db: Queryable, survivorId: string, linkedId: string): Promise<void> {
    // The survivor may itself have been linked before; the linked one's group joins the survivor's.
    await db.query(
      `WITH root AS (SELECT coalesce((SELECT survivor_id FROM ${this.schema}.person_links WHERE person_id = $1), $1::uuid) AS id)
       INSERT INTO ${this.schema}.person_links (person_id, survivor_id)
       SELECT p, (SELECT id FROM root) FROM unnest(ARRAY[$2::uuid] ||
         ARRAY(SELECT person_id FROM ${this.schema}.person_links WHERE survivor_id = $2)) AS p
       WHERE p <> (SELECT id FROM root)
       ON CONFLICT (person_id) DO UPDATE SET survivor_id = excluded.survivor_id`,
      [survivorId, linkedId],
    );
  }

  /** The person and everyone linked with them, the survivor first. */
  async group(db: Queryable, personId: string): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `WITH root AS (SELECT coalesce((SELECT survivor_id FROM ${this.schema}.person_links WHERE person_id = $1), $1::uuid) AS id)
       SELECT id::text FROM root
       UNION ALL
       SELECT person_id::text FROM ${this.schema}.person_links WHERE survivor_id = (SELECT id FROM root)`,
      [personId],
    );
    return rows.map((r) => r.id);
  }

  /** The group, as `group`, of a person this service has a step of; else the person is not found. */
  async knownGroup(db: Queryable, personId: string): Promise<string[]> {
    const persons = await this.group(db, personId);
    const { rows } = await db.query(
      `SELECT 1 FROM ${this.schema}.person_journey WHERE person_id = ANY($1::uuid[]) LIMIT 1`,
      [persons],
    );
    if (rows.length === 0) throw new DomainError('person.not-found', 'no such person', 'not-found');
    return persons;
  }
}
