import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { PersonalDataCipher } from '@lintas/event-store/personal-data-cipher';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { IntakeEvent } from '../../domain/intake-event';

/** The fields of `identity` sealed with the person's key. */
export const SEALED_IDENTITY = ['nik', 'names'];

/**
 * Persons identified so far, as the duplicate matcher compares them. Matching needs NIK and names
 * (a DPIA item: UU PDP Pasal 34, "matching datasets"), so they are kept sealed with each person's
 * own key, like the events: a destroyed key (erasure) takes the person out of matching too. Only
 * coarse columns stay readable to narrow the candidates: birth year, the NIK's two-digit birth
 * year, sex and region codes. Read only by the identification use cases, never served. A linked
 * person is left out: their survivor stands for them.
 */
export class KnownPersonsProjection implements Projection<IntakeEvent> {
  readonly name = 'known-persons';

  constructor(
    private readonly schema: string,
    private readonly cipher: PersonalDataCipher | undefined,
  ) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.known_persons (
         person_id uuid PRIMARY KEY,
         found_region_code text,
         identified boolean NOT NULL DEFAULT false,
         identity json,
         nik_birth_yy integer,
         birth_year integer,
         sex text,
         origin_region_code text,
         linked_into uuid
       )`,
      `CREATE INDEX IF NOT EXISTS known_persons_nik_yy ON ${this.schema}.known_persons (nik_birth_yy) WHERE linked_into IS NULL`,
      `CREATE INDEX IF NOT EXISTS known_persons_birth_year ON ${this.schema}.known_persons (birth_year) WHERE linked_into IS NULL`,
    ];
  }

  async apply(events: (RecordedEvent & IntakeEvent)[], client: PoolClient): Promise<void> {
    const table = `${this.schema}.known_persons`;
    for (const event of events) {
      if (event.type === 'IntakeRegistered') {
        await client.query(
          `INSERT INTO ${table} (person_id, found_region_code) VALUES ($1, $2)
           ON CONFLICT (person_id) DO UPDATE SET found_region_code = excluded.found_region_code`,
          [event.data.personId, event.data.foundRegionCode],
        );
      } else if (event.type === 'PersonIdentified') {
        const d = event.data;
        if (!this.cipher) throw new Error('known persons are sealed per person: the store needs its cipher');
        const nik = text(d.nik);
        // Personal fields of an erased person come back as a marker, not a value: they are not kept.
        const identity = await this.cipher.seal(
          d.personId,
          {
            nik,
            names: [text(d.name), ...(Array.isArray(d.aliases) ? d.aliases.map(text) : [])].filter(Boolean),
          },
          SEALED_IDENTITY,
        );
        await client.query(
          `INSERT INTO ${table} (person_id, identified, identity, nik_birth_yy, birth_year, sex, origin_region_code)
           VALUES ($1, true, $2, $3, $4, $5, $6)
           ON CONFLICT (person_id) DO UPDATE SET identified = true, identity = $2, nik_birth_yy = $3, birth_year = $4,
             sex = $5, origin_region_code = $6`,
          [
            d.personId,
            JSON.stringify(identity),
            nikBirthYear(nik),
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

/** The two-digit birth year a NIK carries (digits 11–12 of DDMMYY), or null when it has none. */
export function nikBirthYear(nik: string | null): number | null {
  return nik !== null && /^\d{16}$/.test(nik) ? Number(nik.slice(10, 12)) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
