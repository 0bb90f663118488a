import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { PersonLinks } from '@lintas/person-journey/person-links';

/**
 * Which placements a case or a person has, written in the transaction of each request: reactions
 * that start from a case (a transfer) or a person (a death) find every placement at once, where a
 * read model could still be behind. A person's linked records count as the person. Each call
 * goes through the caller's transaction.
 */
@Injectable()
export class PlacementIndex implements OnModuleInit {
  private readonly schema: string;
  private readonly links: PersonLinks;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
    this.links = new PersonLinks(store.schema);
  }

  /** Creates the index's table before the service takes its first request or event. */
  async onModuleInit(): Promise<void> {
    const schema = this.schema;
    await applySchema(this.pool, `lintas-placement-index:${schema}`, [
      `CREATE TABLE IF NOT EXISTS ${schema}.placement_index (
         placement_id uuid PRIMARY KEY,
         case_id uuid NOT NULL,
         person_id uuid NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS placement_index_case ON ${schema}.placement_index (case_id)`,
      `CREATE INDEX IF NOT EXISTS placement_index_person ON ${schema}.placement_index (person_id)`,
    ]);
  }

  async record(
    within: PoolClient,
    placement: { placementId: string; caseId: string; personId: string },
  ): Promise<void> {
    await within.query(
      `INSERT INTO ${this.schema}.placement_index (placement_id, case_id, person_id) VALUES ($1, $2, $3)
       ON CONFLICT (placement_id) DO NOTHING`,
      [placement.placementId, placement.caseId, placement.personId],
    );
  }

  async ofCase(within: PoolClient, caseId: string): Promise<string[]> {
    const { rows } = await within.query<{ id: string }>(
      `SELECT placement_id::text AS id FROM ${this.schema}.placement_index WHERE case_id = $1`,
      [caseId],
    );
    return rows.map((row) => row.id);
  }

  async ofPerson(within: PoolClient, personId: string): Promise<string[]> {
    const persons = await this.links.group(within, personId);
    const { rows } = await within.query<{ id: string }>(
      `SELECT placement_id::text AS id FROM ${this.schema}.placement_index WHERE person_id = ANY($1::uuid[])`,
      [persons],
    );
    return rows.map((row) => row.id);
  }
}
