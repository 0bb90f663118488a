import type { Pool } from 'pg';
import { applySchema } from '../../database/apply-schema';
import type { AccessRecord, AccessRecordSink } from '../../service/access-record-sink';
import type { AgencyActor } from '../agency/agency-token';

export type { AccessRecord } from '../../service/access-record-sink';

/** One look at people's data, or one attempt refused. It names people by id only, never by what they are. */
export interface AccessEntry {
  outcome: 'granted' | 'refused';
  /** The HTTP status the caller got. */
  status: number;
  /** Who asked; absent when the token itself was refused. */
  actor?: AgencyActor;
  method: string;
  /** The route's pattern (`/cases/:caseId`), so that records group by use. */
  route: string;
  /** The path's parameters: the ids asked for, also when the answer was a refusal. */
  params: Record<string, string>;
  personIds: readonly string[];
  /** The personal fields the answer carried (paths in its body). */
  fields: readonly string[];
  /** Why it was refused (the problem code), or under which emergency access it was granted. */
  reason?: string;
}

interface Row {
  id: string;
  at: Date;
  outcome: 'granted' | 'refused';
  status: number;
  client_id: string | null;
  agency_id: string | null;
  agency_kind: string | null;
  user_id: string | null;
  method: string;
  route: string;
  params: Record<string, string>;
  person_ids: string[];
  fields: string[];
  reason: string | null;
}

/**
 * The record of every read of people's data in this service (UU PDP: who looked at whom, when and
 * at what). A record is written before the answer leaves, so there is no read without one; the
 * table only grows (a trigger refuses UPDATE and DELETE), and an erased person's records stay,
 * for they hold no personal data. With a sink (the messaging module's, which publishes each record
 * for the audit service's ledger), the record and what the sink writes share one transaction.
 */
export class AccessLog {
  private ready?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
    private readonly sink?: AccessRecordSink,
  ) {}

  async record(entry: AccessEntry): Promise<void> {
    await this.createSchema();
    // The time is the record's and its message's alike, so it is taken here rather than by the server.
    const at = new Date();
    const insert = {
      text: `INSERT INTO ${this.schema}.access_records
               (outcome, status, client_id, agency_id, agency_kind, user_id, method, route, params, person_ids, fields,
                reason, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11, $12, $13)`,
      values: [
        entry.outcome,
        entry.status,
        entry.actor?.clientId ?? null,
        entry.actor?.agencyId ?? null,
        entry.actor?.kind ?? null,
        entry.actor?.userId ?? null,
        entry.method,
        entry.route,
        JSON.stringify(entry.params),
        entry.personIds,
        entry.fields,
        entry.reason ?? null,
        at,
      ],
    };
    const sink = this.sink;
    if (!sink) {
      await this.pool.query(insert);
      return;
    }
    const record: AccessRecord = {
      id: '0',
      at: at.toISOString(),
      outcome: entry.outcome,
      status: entry.status,
      clientId: entry.actor?.clientId ?? null,
      agencyId: entry.actor?.agencyId ?? null,
      agencyKind: entry.actor?.kind ?? null,
      userId: entry.actor?.userId ?? null,
      method: entry.method,
      route: entry.route,
      params: entry.params,
      personIds: [...entry.personIds],
      fields: [...entry.fields],
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    };
    await this.pool.query(sink.withRecord({ text: `${insert.text} RETURNING id`, values: insert.values }, record));
    sink.committed();
  }

  /** The records naming a person, newest first; `before` pages on by record id. */
  async forPerson(personIds: readonly string[], limit = 100, before?: string): Promise<AccessRecord[]> {
    await this.createSchema();
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS}
         FROM ${this.schema}.access_records
        WHERE (person_ids && $1::uuid[] OR params->>'personId' = ANY($1::text[]))
          AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY access_records.id DESC LIMIT $3`,
      [personIds, before ?? null, limit],
    );
    return rows.map(recordOf);
  }

  /** Made on first use, as the idempotency keys are: a service whose database is away still starts. */
  private createSchema(): Promise<void> {
    this.ready ??= applySchema(this.pool, `${this.schema}.access_records`, [
      `CREATE SCHEMA IF NOT EXISTS ${this.schema}`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.access_records (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         at timestamptz NOT NULL DEFAULT clock_timestamp(),
         outcome text NOT NULL CHECK (outcome IN ('granted', 'refused')),
         status integer NOT NULL,
         client_id text,
         agency_id text,
         agency_kind text,
         user_id text,
         method text NOT NULL,
         route text NOT NULL,
         params jsonb NOT NULL,
         person_ids uuid[] NOT NULL,
         fields text[] NOT NULL,
         reason text
       )`,
      `CREATE INDEX IF NOT EXISTS access_records_persons ON ${this.schema}.access_records USING gin (person_ids)`,
      `CREATE INDEX IF NOT EXISTS access_records_asked ON ${this.schema}.access_records ((params->>'personId'))`,
      `CREATE OR REPLACE FUNCTION ${this.schema}.access_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'access records are append-only'; END $$`,
      `CREATE OR REPLACE TRIGGER access_records_append_only BEFORE UPDATE OR DELETE ON ${this.schema}.access_records
         FOR EACH ROW EXECUTE FUNCTION ${this.schema}.access_records_append_only()`,
    ]).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

const COLUMNS = `id::text, at, outcome, status, client_id, agency_id, agency_kind, user_id, method, route, params,
  person_ids::text[] AS person_ids, fields, reason`;

function recordOf(row: Row): AccessRecord {
  return {
    id: row.id,
    at: row.at.toISOString(),
    outcome: row.outcome,
    status: row.status,
    clientId: row.client_id,
    agencyId: row.agency_id,
    agencyKind: row.agency_kind,
    userId: row.user_id,
    method: row.method,
    route: row.route,
    params: row.params,
    personIds: row.person_ids,
    fields: row.fields,
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}
