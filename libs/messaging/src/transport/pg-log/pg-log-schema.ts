import { applySchema } from '@lintas/platform/database/apply-schema';
import type { Pool } from 'pg';
import { announceWriterPlpgsql, visibilityHorizonFunctionSql } from '@lintas/platform/database/writer-sessions';

/**
 * A schema name checked once so that it can be put into SQL text. Shorter than PostgreSQL's 63
 * because the notification channels are named after it with a suffix.
 */
/** The log's schema when a transport is not given one: the one every service of an installation shares. */
export const DEFAULT_PG_LOG_SCHEMA = 'message_log';

export function pgLogSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,49}$/.test(name)) throw new Error(`not a valid message log schema name: '${name}'`);
  return name;
}

/** Wakes consumers of a topic; the payload is the topic's name. */
export const messagesChannel = (schema: string): string => `${schema}_messages`;

/** Wakes standby members when an active one lets go of a (group, topic); the payload is JSON [group, topic]. */
export const releasedChannel = (schema: string): string => `${schema}_released`;

/**
 * The log's tables, created if missing. Messages are ordered by (transaction_id, sequence) and read
 * only below the oldest running transaction of a Lintas writer, as the event store reads its global
 * order: a sequence alone is taken at insert, not at commit, so a reader ordering by it could pass a
 * late commit. Messages are written through `append_messages`, which makes the session a writer.
 */
export async function createPgLogSchema(pool: Pool, schema: string): Promise<void> {
  const s = pgLogSchemaName(schema);
  await applySchema(pool, `lintas-pg-log:${s}`, [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.topics (
        name text PRIMARY KEY,
        partitions integer NOT NULL CHECK (partitions > 0)
      )`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.messages (
        topic text NOT NULL,
        partition integer NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        key text,
        value bytea NOT NULL,
        headers jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX IF NOT EXISTS messages_partition_order ON ${s}.messages (topic, partition, transaction_id, sequence)`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.group_offsets (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        transaction_id xid8 NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (group_id, topic, partition)
      )`,
    visibilityHorizonFunctionSql(s),
    `
CREATE OR REPLACE FUNCTION ${s}.append_messages(
  m_topic text[], m_partition integer[], m_key text[], m_value bytea[], m_headers jsonb[]
) RETURNS void LANGUAGE plpgsql AS $append$
BEGIN${announceWriterPlpgsql(s)}
  INSERT INTO ${s}.messages (topic, partition, key, value, headers)
  SELECT m.topic, m.partition, m.key, m.value, m.headers
    FROM unnest(m_topic, m_partition, m_key, m_value, m_headers) WITH ORDINALITY AS m(topic, partition, key, value, headers, n)
   ORDER BY m.n;
END
$append$`,
  ]);
}
