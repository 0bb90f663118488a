import { applySchema } from '@lintas/platform/database/apply-schema';
import type { Pool } from 'pg';
import { visibilityHorizonFunctionSql } from '@lintas/platform/database/writer-sessions';
import { appendFunctionSql } from '../append/append-function';

/** A PostgreSQL schema name, checked once so that it can be put into SQL text safely. */
export function storeSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a valid schema name: '${name}'`);
  return name;
}

/**
 * The store's tables. `data` and `metadata` are json, not jsonb: json keeps the exact text that
 * was hashed, so verification hashes the stored bytes, and an insert skips jsonb's conversion.
 */
export async function createStoreSchema(pool: Pool, schema: string): Promise<void> {
  const s = storeSchemaName(schema);
  // One statement per query; an advisory lock keeps two processes from racing the DDL.
  await applySchema(pool, `lintas-event-store:${s}`, [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        last_hash bytea NOT NULL
      )`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.events (
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data json NOT NULL,
        metadata json NOT NULL,
        person_id uuid,
        hash bytea NOT NULL,
        PRIMARY KEY (stream_id, stream_version)
      )`,
    `CREATE INDEX IF NOT EXISTS events_global_order ON ${s}.events (transaction_id, sequence)`,
    // Messages for other services, in the same gap-safe order as the events; a relay ships them.
    `
      CREATE TABLE IF NOT EXISTS ${s}.outbox (
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        topic text NOT NULL,
        key text NOT NULL,
        headers json NOT NULL,
        value bytea NOT NULL,
        PRIMARY KEY (transaction_id, sequence)
      )`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
        name text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE IF NOT EXISTS ${s}.seals (
        number bigint PRIMARY KEY,
        last_transaction_id xid8 NOT NULL,
        last_sequence bigint NOT NULL,
        event_count integer NOT NULL,
        hash bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`,
    // Ed25519 over the seal's text (sealing/seal-signature.ts) by a key outside the database; seals of
    // stores made before seals were signed keep NULL here and read as unsigned.
    `ALTER TABLE ${s}.seals ADD COLUMN IF NOT EXISTS signature bytea`,
    `ALTER TABLE ${s}.seals ADD COLUMN IF NOT EXISTS key_id text`,
    visibilityHorizonFunctionSql(s),
    appendFunctionSql(s),
  ]);
}
