import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { compareNames } from '@lintas/person-matching/indonesian-names';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { SEALED_IDENTITY } from '../../read-models/known-persons/known-persons.projection';
import type { PersonFound } from './person-search.response.dto';

/** How many of an office's cases, newest first, a search by name or NIK opens at most. */
const OPENED_AT_MOST = 5_000;
const RESULTS_AT_MOST = 50;
const CASE_NUMBER = /^\d{4}-\d{4}-\d{5}$/;

interface Row {
  person_id: string;
  case_id: string;
  case_number: string;
  office_id: string;
  registered_at: Date;
  identity: object | null;
  description: object | null;
}

/**
 * Finds persons among the cases the caller may see (its own office's; a provincial office's, those
 * of the offices it supervises; an admin's, all), never beyond: a supervisor of another kabupaten
 * finds nobody. Names and NIK are sealed per person, so they are opened for the caller's cases only,
 * and compared as the matcher compares names (spelling variants, titles, order).
 */
@Injectable()
export class PersonSearchReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {
    this.schema = store.schema;
  }

  async search(actor: AgencyActor, query: string, minPosition?: string): Promise<PersonFound[]> {
    await this.readModels.waitFor(minPosition);
    const text = query.trim();
    const offices = actor.kind === 'admin' ? null : [actor.agencyId, ...(actor.supervises ?? [])];
    const byNumber = CASE_NUMBER.test(text);
    const { rows } = await this.pool.query<Row>(
      `SELECT c.person_id::text, c.case_id::text, c.case_number, c.office_id, c.registered_at, k.identity,
              m.description
         FROM ${this.schema}.caseload c
         LEFT JOIN ${this.schema}.known_persons k ON k.person_id = c.person_id
         LEFT JOIN ${this.schema}.match_records m ON m.person_id = c.person_id AND m.side = 'found'
        WHERE ($1::text[] IS NULL OR c.office_id = ANY($1)) AND c.linked_into IS NULL
          AND ($2::text IS NULL OR c.case_number = $2)
        ORDER BY c.registered_at DESC LIMIT $3`,
      [offices, byNumber ? text : null, byNumber ? RESULTS_AT_MOST : OPENED_AT_MOST],
    );
    const people = await this.opened(rows);
    const nik = text.replace(/[\s.-]/g, '');
    const found: PersonFound[] = [];
    for (const person of people) {
      const matchedOn = byNumber ? 'case-number' : this.matchOf(person, text, nik);
      if (!matchedOn) continue;
      found.push({
        personId: person.row.person_id,
        caseId: person.row.case_id,
        caseNumber: person.row.case_number,
        officeId: person.row.office_id,
        name: person.names[0] ?? null,
        nikLast4: person.nik ? person.nik.slice(-4) : null,
        registeredAt: person.row.registered_at,
        matchedOn,
      });
      if (found.length >= RESULTS_AT_MOST) break;
    }
    return found;
  }

  private matchOf(person: Opened, text: string, nik: string): PersonFound['matchedOn'] | undefined {
    if (/^\d{16}$/.test(nik)) return person.nik === nik ? 'nik' : undefined;
    if (person.names.some((name) => ['same', 'alike', 'contained'].includes(compareNames(text, name).agreement))) {
      return 'name';
    }
    const words = text
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word.length > 2);
    const marks = person.marks.join(' ').toLowerCase();
    return words.length > 0 && words.every((word) => marks.includes(word)) ? 'descriptor' : undefined;
  }

  /** Identities and descriptions open with each person's key; an erased person opens as nobody. */
  private async opened(rows: Row[]): Promise<Opened[]> {
    const cipher = this.store.cipher;
    if (!cipher) throw new Error('persons are sealed per person: the store needs its cipher');
    const identities = (await cipher.openMany(
      rows.map((row) => ({ personId: row.person_id, data: row.identity ?? {}, paths: SEALED_IDENTITY })),
    )) as { nik?: unknown; names?: unknown }[];
    const descriptions = (await cipher.openMany(
      rows.map((row) => ({ personId: row.person_id, data: row.description ?? {}, paths: ['description'] })),
    )) as { description?: { names?: unknown; nik?: unknown; marks?: unknown } }[];
    return rows.map((row, i) => {
      const identity = identities[i] ?? {};
      const seen = descriptions[i]?.description ?? {};
      const names = [...texts(identity.names), ...texts(seen.names)];
      const nik = typeof identity.nik === 'string' ? identity.nik : typeof seen.nik === 'string' ? seen.nik : null;
      return { row, names: [...new Set(names)], nik, marks: texts(seen.marks) };
    });
  }
}

interface Opened {
  row: Row;
  names: string[];
  nik: string | null;
  marks: string[];
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
