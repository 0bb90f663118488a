import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { formatPosition } from '@lintas/event-store/position';
import type { CaseState } from '../domain/case/case.state';
import type { PersonProfile } from '../domain/duplicates/duplicate-matcher';
import type { Sex } from '../domain/identity/identity';
import { nikBirthYear, SEALED_IDENTITY } from '../read-models/known-persons/known-persons.projection';

/** How long a duplicate check waits for the known persons to catch up before it compares. */
const CATCH_UP_MS = 3_000;

/**
 * The earlier persons a case's person is compared with, from the known-persons read model: the
 * identification and the duplicate check both ask it within their write's transaction.
 */
@Injectable()
export class KnownPersons {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /**
   * Brings the read model up to everything written so far. Best effort: a person it has not
   * reached yet is only proposed at the next check.
   */
  async catchUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (!head) return;
    await this.readModels.waitFor(formatPosition(head), CATCH_UP_MS).catch(() => undefined);
  }

  /**
   * Those whose NIK says the same two-digit birth year as the case's person, or with the same birth
   * year (a name match needs it). Everyone else cannot be a candidate, so their data is never opened.
   */
  async around(within: PoolClient, state: CaseState): Promise<PersonProfile[]> {
    if (state.status === 'none') return [];
    const { personId, person } = state;
    const nikYear = nikBirthYear(person.nik);
    if (nikYear === null && person.birthYear === null) return [];
    const cipher = this.store.cipher;
    if (!cipher) throw new Error('known persons are sealed per person: the store needs its cipher');
    const { rows } = await within.query<{
      person_id: string;
      identity: object;
      birth_year: number | null;
      sex: Sex | null;
      region_codes: string[];
    }>(
      `SELECT person_id::text, identity, birth_year, sex,
              array_remove(ARRAY[origin_region_code, found_region_code], NULL) AS region_codes
         FROM ${this.store.schema}.known_persons
        WHERE identified AND linked_into IS NULL AND person_id <> $1 AND identity IS NOT NULL
          AND (nik_birth_yy = $2 OR birth_year = $3)
        LIMIT 1000`,
      [personId, nikYear, person.birthYear],
    );
    const opened = (await cipher.openMany(
      rows.map((row) => ({ personId: row.person_id, data: row.identity, paths: SEALED_IDENTITY })),
    )) as { nik?: unknown; names?: unknown }[];
    return rows.flatMap((row, i): PersonProfile[] => {
      const identity = opened[i];
      // An erased person's fields open as a marker: there is nothing left to match.
      if (!identity || !Array.isArray(identity.names)) return [];
      return [
        {
          personId: row.person_id,
          nik: typeof identity.nik === 'string' ? identity.nik : null,
          names: identity.names.filter((name): name is string => typeof name === 'string'),
          birthYear: row.birth_year,
          sex: row.sex,
          regionCodes: row.region_codes,
        },
      ];
    });
  }
}
