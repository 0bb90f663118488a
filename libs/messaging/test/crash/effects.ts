import type { Pool } from 'pg';
import type { EventHandler } from '@lintas/messaging/inbox/inbox-consumer';
import type { NoteRecorded } from '../test-contracts';

/**
 * The consumer's visible effect: one row per application of a note. Deliberately without a unique
 * key on the event id: a note applied twice must show up as two rows to count, not as a constraint
 * violation that the consumer's retries would turn into something else.
 */
export async function createEffectsTable(pool: Pool, schema: string): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.effects (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       event_id text NOT NULL,
       person_id text NOT NULL,
       n integer NOT NULL
     )`,
  );
}

/** The handler every consumer in these tests runs, in the test process or in a child. */
export function recordEffect(schema: string): EventHandler {
  return async (event, transaction) => {
    const { personId, n } = event.data as NoteRecorded;
    await transaction.query(`INSERT INTO ${schema}.effects (event_id, person_id, n) VALUES ($1, $2, $3)`, [
      event.id,
      personId,
      n,
    ]);
  };
}

export interface Effect {
  eventId: string;
  personId: string;
  n: number;
}

/** Every application so far, in the order they committed. */
export async function readEffects(pool: Pool, schema: string): Promise<Effect[]> {
  const { rows } = await pool.query<Effect>(
    `SELECT event_id AS "eventId", person_id AS "personId", n FROM ${schema}.effects ORDER BY id`,
  );
  return rows;
}

export async function countEffects(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.effects`);
  return rows[0]?.n ?? 0;
}
