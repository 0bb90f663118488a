import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { CaseEvent } from '../domain/case/case.events';
import type { PersonProfile } from '../domain/duplicates/duplicate-matcher';
import type { Sex } from '../domain/identity/identity';

/**
 * Persons identified so far, as the duplicate matcher compares them. This read model holds NIK
 * and names because matching needs them (a DPIA item: UU PDP Pasal 34, "matching datasets"); it
 * is read only by the identification use case, never served. A linked person is left out: their
 * survivor stands for them.
 */
export class KnownPersonsProjection implements Projection {
  readonly name = 'known-persons';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.known_persons (
         person_id uuid PRIMARY KEY,
         found_region_code text,
         identified boolean NOT NULL DEFAULT false,
         nik text,
         names text[] NOT NULL DEFAULT '{}',
         birth_year integer,
         sex text,
         origin_region_code text,
         linked_into uuid
       )`,
      `CREATE INDEX IF NOT EXISTS known_persons_nik ON ${this.schema}.known_persons (nik) WHERE linked_into IS NULL`,
      `CREATE INDEX IF NOT EXISTS known_persons_birth_year ON ${this.schema}.known_persons (birth_year) WHERE linked_into IS NULL`,
    ];
  }

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    const table = `${this.schema}.known_persons`;
    for (const recorded of events) {
      const event = recorded as unknown as CaseEvent;
      if (event.type === 'IntakeRegistered') {
        await client.query(
          `INSERT INTO ${table} (person_id, found_region_code) VALUES ($1, $2)
           ON CONFLICT (person_id) DO UPDATE SET found_region_code = excluded.found_region_code`,
          [event.data.personId, event.data.foundRegionCode],
        );
      } else if (event.type === 'PersonIdentified') {
        const d = event.data;
        // Personal fields of an erased person come back as a marker, not a value: they are not kept.
        await client.query(
          `INSERT INTO ${table} (person_id, identified, nik, names, birth_year, sex, origin_region_code)
           VALUES ($1, true, $2, $3, $4, $5, $6)
           ON CONFLICT (person_id) DO UPDATE SET identified = true, nik = $2, names = $3, birth_year = $4, sex = $5,
             origin_region_code = $6`,
          [
            d.personId,
            text(d.nik),
            [text(d.name), ...(Array.isArray(d.aliases) ? d.aliases.map(text) : [])].filter(Boolean),
            typeof d.birthYear === 'number' ? d.birthYear : null,
            d.sex === 'male' || d.sex === 'female' ? d.sex : null,
            d.originRegionCode,
          ],
        );
      } else if (event.type === 'PersonsLinked') {
        await client.query(
          `INSERT INTO ${table} (person_id, linked_into) VALUES ($1, $2)
           ON CONFLICT (person_id) DO UPDATE SET linked_into = $2`,
          [event.data.linkedPersonId, event.data.survivorPersonId],
        );
      }
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.known_persons`);
  }
}

export class KnownPersons {
  constructor(private readonly schema: string) {}

  /**
   * The earlier persons worth comparing with: the same NIK, or the same birth year (a name match
   * needs it). Everyone else cannot be a candidate, so they are not read.
   */
  async around(db: Pool | PoolClient, subject: { personId: string; nik: string | null; birthYear: number | null }) {
    if (subject.nik === null && subject.birthYear === null) return [];
    const { rows } = await db.query<{
      person_id: string;
      nik: string | null;
      names: string[];
      birth_year: number | null;
      sex: Sex | null;
      region_codes: string[];
    }>(
      `SELECT person_id::text, nik, names, birth_year, sex,
              array_remove(ARRAY[origin_region_code, found_region_code], NULL) AS region_codes
         FROM ${this.schema}.known_persons
        WHERE identified AND linked_into IS NULL AND person_id <> $1
          AND (nik = $2 OR birth_year = $3)
        LIMIT 1000`,
      [subject.personId, subject.nik, subject.birthYear],
    );
    return rows.map((row): PersonProfile => ({
      personId: row.person_id,
      nik: row.nik,
      names: row.names,
      birthYear: row.birth_year,
      sex: row.sex,
      regionCodes: row.region_codes,
    }));
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
