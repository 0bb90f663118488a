import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';

/** A transaction's client, or the pool for a read on its own. */
type Queryable = Pick<PoolClient, 'query'>;
import { EventStore } from '@lintas/event-store/event-store';
import { blockingKeys, blockingKeyWeight, DEFAULT_CANDIDATE_LIMIT } from '@lintas/person-matching/blocking';
import type { PersonDescription } from '@lintas/person-matching/match-score';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { inTransaction } from '@lintas/platform/database/transaction';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { BlindIndex } from '@lintas/privacy/blind-index';
import { parseMasterKey } from '@lintas/privacy/master-key';

export type MatchSide = 'found' | 'sought';

export interface MatchEntry {
  personId: string;
  side: MatchSide;
  /** The sought side's request, and the office owning it (which reviews its candidates). */
  tracingRequestId: string | null;
  officeId: string | null;
  description: PersonDescription;
}

/**
 * The persons found and the relatives sought, as the tracing matcher compares them. Each record's
 * description is sealed with its person's key, so erasure takes it out of matching; the blocking
 * keys (a NIK, a name's sound) are kept only as blind-index tokens, so the table answers "who
 * shares a key with this one" without holding a name or NIK. Written only by the matcher's
 * reactions (see TracingMatcher); read by them and by the candidate and person-search queries.
 */
@Injectable()
export class MatchIndex implements OnModuleInit {
  private readonly schema: string;
  private readonly tokens: BlindIndex;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ServiceEnv) env: ServiceEnv,
  ) {
    this.schema = store.schema;
    this.tokens = new BlindIndex(parseMasterKey(env.PERSONAL_DATA_KEY), 'tracing matches');
  }

  async onModuleInit(): Promise<void> {
    await applySchema(this.pool, `lintas-match-index:${this.schema}`, [
      `CREATE SCHEMA IF NOT EXISTS ${this.schema}`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.match_records (
         person_id uuid PRIMARY KEY,
         side text NOT NULL CHECK (side IN ('found', 'sought')),
         tracing_request_id uuid,
         office_id text,
         description json NOT NULL
       )`,
      // The side in the key: candidates are ranked from the index alone (token, side, then the
      // persons with their weights), and only the chosen few are read from match_records.
      `CREATE TABLE IF NOT EXISTS ${this.schema}.match_keys (
         token text NOT NULL,
         side text NOT NULL,
         person_id uuid NOT NULL REFERENCES ${this.schema}.match_records ON DELETE CASCADE,
         weight integer NOT NULL,
         PRIMARY KEY (token, side, person_id) INCLUDE (weight)
       )`,
      `CREATE INDEX IF NOT EXISTS match_keys_person ON ${this.schema}.match_keys (person_id)`,
    ]);
  }

  /** `put` in a transaction of its own, committed when it returns. */
  putCommitted(entry: MatchEntry): Promise<void> {
    return inTransaction(this.pool, (client) => this.put(client, entry));
  }

  async put(client: PoolClient, entry: MatchEntry): Promise<void> {
    const sealed = await this.cipher().seal(entry.personId, { description: entry.description }, ['description']);
    await client.query(
      `INSERT INTO ${this.schema}.match_records (person_id, side, tracing_request_id, office_id, description)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id) DO UPDATE SET side = $2, tracing_request_id = $3, office_id = $4, description = $5`,
      [entry.personId, entry.side, entry.tracingRequestId, entry.officeId, JSON.stringify(sealed)],
    );
    const keys = blockingKeys(entry.description);
    await client.query(`DELETE FROM ${this.schema}.match_keys WHERE person_id = $1`, [entry.personId]);
    await client.query(
      `INSERT INTO ${this.schema}.match_keys (token, side, person_id, weight)
       SELECT token, $4, $1, weight FROM unnest($2::text[], $3::int[]) AS k(token, weight)
       ON CONFLICT DO NOTHING`,
      [entry.personId, keys.map((key) => this.tokens.token(key)), keys.map(blockingKeyWeight), entry.side],
    );
  }

  async get(personId: string, client: Queryable = this.pool): Promise<MatchEntry | undefined> {
    const { rows } = await client.query<Row>(`${SELECT_RECORDS(this.schema)} WHERE person_id = $1`, [personId]);
    return (await this.opened(client, rows))[0];
  }

  async remove(client: Queryable, personIds: readonly string[]): Promise<void> {
    await client.query(`DELETE FROM ${this.schema}.match_records WHERE person_id = ANY($1::uuid[])`, [personIds]);
  }

  /**
   * The records of the other side sharing the most blocking keys with this description (the
   * rule of libs/person-matching's selectCandidates, in SQL over the tokens): the only ones scored, so that a new record costs one indexed lookup and a few hundred scores,
   * however many records there are.
   */
  async candidates(client: PoolClient, of: MatchEntry, limit = DEFAULT_CANDIDATE_LIMIT): Promise<MatchEntry[]> {
    const tokens = blockingKeys(of.description).map((key) => this.tokens.token(key));
    if (tokens.length === 0) return [];
    const { rows } = await client.query<Row>(
      `${SELECT_RECORDS(this.schema)}
         JOIN (SELECT person_id, sum(weight) AS shared FROM ${this.schema}.match_keys
                WHERE token = ANY($1::text[]) AND side = $2 AND person_id <> $3
                GROUP BY person_id ORDER BY shared DESC, person_id LIMIT $4) k USING (person_id)
        ORDER BY k.shared DESC, person_id`,
      [tokens, of.side === 'found' ? 'sought' : 'found', of.personId, limit],
    );
    return this.opened(client, rows);
  }

  /** An erased person's description opens as a marker: their record has no more use and goes. */
  private async opened(client: Queryable, rows: Row[]): Promise<MatchEntry[]> {
    const opened = (await this.cipher().openMany(
      rows.map((row) => ({ personId: row.person_id, data: row.description, paths: ['description'] })),
    )) as { description?: unknown }[];
    const erased: string[] = [];
    const entries = rows.flatMap((row, i): MatchEntry[] => {
      const description = opened[i]?.description as PersonDescription | undefined;
      if (!description || !Array.isArray(description.names)) {
        erased.push(row.person_id);
        return [];
      }
      return [
        {
          personId: row.person_id,
          side: row.side,
          tracingRequestId: row.tracing_request_id,
          officeId: row.office_id,
          description,
        },
      ];
    });
    if (erased.length > 0) await this.remove(client, erased);
    return entries;
  }

  private cipher() {
    const cipher = this.store.cipher;
    if (!cipher) throw new Error('the match index is sealed per person: the store needs its cipher');
    return cipher;
  }
}

interface Row {
  person_id: string;
  side: MatchSide;
  tracing_request_id: string | null;
  office_id: string | null;
  description: object;
}

const SELECT_RECORDS = (schema: string) =>
  `SELECT person_id::text, side, tracing_request_id::text, office_id, description FROM ${schema}.match_records`;
