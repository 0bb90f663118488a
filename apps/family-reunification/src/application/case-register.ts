import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';

/**
 * What the commands caused by other services' events must know at once, in their own transaction,
 * of the cases those services tell about: which reunifications a case has, who owns it now,
 * whether the person died. A read model would be eventually consistent, and a death or a transfer
 * must not slip past a reunification started a moment before. Events from different topics arrive
 * in any order, so an owner or a death learnt before the reunification started is kept for it.
 */
@Injectable()
export class CaseRegister implements OnModuleInit {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  async onModuleInit(): Promise<void> {
    await applySchema(this.pool, `lintas-case-register:${this.schema}`, [
      `CREATE SCHEMA IF NOT EXISTS ${this.schema}`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.case_register (
         case_id uuid PRIMARY KEY,
         owner_office_id text,
         died_at timestamptz
       )`,
      `CREATE TABLE IF NOT EXISTS ${this.schema}.case_reunifications (
         reunification_id uuid PRIMARY KEY,
         case_id uuid NOT NULL,
         person_id uuid NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS case_reunifications_case ON ${this.schema}.case_reunifications (case_id)`,
    ]);
  }

  async reunificationsOf(tx: PoolClient, caseId: string): Promise<string[]> {
    const { rows } = await tx.query<{ reunification_id: string }>(
      `SELECT reunification_id FROM ${this.schema}.case_reunifications WHERE case_id = $1 ORDER BY reunification_id`,
      [caseId],
    );
    return rows.map((row) => row.reunification_id);
  }

  async addReunification(tx: PoolClient, caseId: string, reunificationId: string, personId: string): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.schema}.case_reunifications (reunification_id, case_id, person_id)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [reunificationId, caseId, personId],
    );
  }

  async facts(tx: PoolClient, caseId: string): Promise<{ ownerOfficeId: string | null; died: boolean }> {
    const { rows } = await tx.query<{ owner_office_id: string | null; died_at: Date | null }>(
      `SELECT owner_office_id, died_at FROM ${this.schema}.case_register WHERE case_id = $1`,
      [caseId],
    );
    return { ownerOfficeId: rows[0]?.owner_office_id ?? null, died: Boolean(rows[0]?.died_at) };
  }

  async ownerMoved(tx: PoolClient, caseId: string, officeId: string): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.schema}.case_register (case_id, owner_office_id) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET owner_office_id = EXCLUDED.owner_office_id`,
      [caseId, officeId],
    );
  }

  async personDied(tx: PoolClient, caseId: string, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.schema}.case_register (case_id, died_at) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET died_at = EXCLUDED.died_at`,
      [caseId, at],
    );
  }
}
