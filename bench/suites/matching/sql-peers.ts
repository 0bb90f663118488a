import type { Pool } from 'pg';
import type { PersonDescription } from '@lintas/person-matching/match-score';
import { normalisedNames } from './matching-plans';
import type { SoughtRecord } from './service-path';
import { vacuumAnalyze, type SqlMatcher, type Statement } from './sql-plan';

/** Rows per INSERT when loading the plain tables. */
const LOAD_CHUNK = 5_000;

/** A system on PostgreSQL answering one statement per pickup: the statement, and the matcher sending it. */
export interface SqlLookup {
  statement(probe: PersonDescription): Pick<Statement, 'text' | 'values'>;
  match: SqlMatcher;
}

/**
 * Raw, the ceiling: the open requests in plain tables, names and NIK in the clear, as the baseline
 * matcher sees them (normalised by nameTokens: lower case, honorifics gone, old spellings read as
 * today's). One indexed lookup per pickup: the requests with a normalised name or the NIK equal to
 * one of the pickup's; nothing opened, nothing scored.
 */
export async function plainExactLookup(pool: Pool, records: readonly SoughtRecord[]): Promise<SqlLookup> {
  await pool.query(`CREATE SCHEMA plain`);
  await pool.query(`CREATE TABLE plain.tracing_requests (person_id uuid PRIMARY KEY, nik text)`);
  await pool.query(`CREATE TABLE plain.request_names (name text NOT NULL, person_id uuid NOT NULL)`);
  for (let i = 0; i < records.length; i += LOAD_CHUNK) {
    const chunk = records.slice(i, i + LOAD_CHUNK);
    await pool.query(`INSERT INTO plain.tracing_requests SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      chunk.map((record) => record.personId),
      chunk.map((record) => record.description.nik ?? null),
    ]);
    const names = chunk.flatMap((record) =>
      normalisedNames(record.description).map((name) => [name, record.personId] as const),
    );
    await pool.query(`INSERT INTO plain.request_names SELECT * FROM unnest($1::text[], $2::uuid[])`, [
      names.map(([name]) => name),
      names.map(([, personId]) => personId),
    ]);
  }
  await pool.query(`CREATE INDEX ON plain.tracing_requests (nik)`);
  await pool.query(`ALTER TABLE plain.request_names ADD PRIMARY KEY (name, person_id)`);
  await vacuumAnalyze(pool, ['plain.tracing_requests', 'plain.request_names']);
  const statement = (probe: PersonDescription) => ({
    text: `SELECT person_id FROM plain.request_names WHERE name = ANY($1::text[])
           UNION SELECT person_id FROM plain.tracing_requests WHERE nik = $2`,
    values: [normalisedNames(probe), probe.nik ?? null],
  });
  return {
    statement,
    match: async (probe) => {
      const { text, values } = statement(probe);
      return (await pool.query(text, values)).rowCount ?? 0;
    },
  };
}

/**
 * The peer: a fuzzy name search as many systems run it in PostgreSQL, pg_trgm over the names in
 * the clear, as written (one row per name of a request), a GIN trigram index; per pickup one
 * statement: the requests with a name similar to one of the pickup's (`%`, pg_trgm's default
 * threshold of 0.3), the most similar first, the first 20. Undefined when the server has no pg_trgm.
 */
export async function trigramSearch(
  pool: Pool,
  records: readonly SoughtRecord[],
  log: (message: string) => void,
): Promise<SqlLookup | undefined> {
  try {
    await pool.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  } catch (error) {
    log(`pg_trgm is not available on this server (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  await pool.query(`CREATE SCHEMA trgm`);
  await pool.query(`CREATE TABLE trgm.request_names (person_id uuid NOT NULL, name text NOT NULL)`);
  for (let i = 0; i < records.length; i += LOAD_CHUNK) {
    const names = records
      .slice(i, i + LOAD_CHUNK)
      .flatMap((record) => record.description.names.map((name) => [record.personId, name] as const));
    await pool.query(`INSERT INTO trgm.request_names SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      names.map(([personId]) => personId),
      names.map(([, name]) => name),
    ]);
  }
  await pool.query(`CREATE INDEX request_names_trigrams ON trgm.request_names USING gin (name gin_trgm_ops)`);
  await vacuumAnalyze(pool, ['trgm.request_names']);
  const statement = (probe: PersonDescription) => ({
    text: `SELECT n.person_id, max(similarity(n.name, q.name)) AS score
             FROM unnest($1::text[]) AS q(name) JOIN trgm.request_names n ON n.name % q.name
            GROUP BY n.person_id ORDER BY score DESC, n.person_id LIMIT 20`,
    values: [probe.names],
  });
  return {
    statement,
    match: async (probe) => {
      const { text, values } = statement(probe);
      return (await pool.query(text, values)).rowCount ?? 0;
    },
  };
}
