import { applySchema } from '@lintas/platform/database/apply-schema';
import type { Pool } from 'pg';

/** The inbox (what this service already handled) and its dead letters, in the service's schema. */
export async function createInboxSchema(pool: Pool, schema: string): Promise<void> {
  await applySchema(pool, `lintas-inbox:${schema}`, [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    `
      CREATE TABLE IF NOT EXISTS ${schema}.inbox (
        source text NOT NULL,
        id text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, id)
      )`,
    `
      CREATE TABLE IF NOT EXISTS ${schema}.dead_letters (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer_group text NOT NULL,
        reason text NOT NULL,
        detail text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" text NOT NULL,
        key text,
        headers json NOT NULL,
        value bytea NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        redriven_at timestamptz
      )`,
    // Who sent a dead letter again and why (an admin over HTTP: docs/architecture.md, "Dead letters").
    `ALTER TABLE ${schema}.dead_letters ADD COLUMN IF NOT EXISTS redriven_by jsonb`,
    `ALTER TABLE ${schema}.dead_letters ADD COLUMN IF NOT EXISTS redrive_reason text`,
    // When a person it names was erased, and its value with it (DeadLetters.eraseFor).
    `ALTER TABLE ${schema}.dead_letters ADD COLUMN IF NOT EXISTS erased_at timestamptz`,
  ]);
}
