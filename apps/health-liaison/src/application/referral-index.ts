import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';

/**
 * Which referrals a case has, written in the transaction that requests each: a reaction that
 * starts from a case (a transfer) finds every referral at once, where the work queue could
 * still be behind.
 */
@Injectable()
export class ReferralIndex implements OnModuleInit {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  private get table(): string {
    return `${this.store.schema}.referral_index`;
  }

  /** Before the service takes its first request or event. */
  async onModuleInit(): Promise<void> {
    await applySchema(this.pool, `lintas-referral-index:${this.store.schema}`, [
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         referral_id uuid PRIMARY KEY,
         case_id uuid NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS referral_index_case ON ${this.table} (case_id)`,
    ]);
  }

  async record(within: PoolClient, referral: { referralId: string; caseId: string }): Promise<void> {
    await within.query(
      `INSERT INTO ${this.table} (referral_id, case_id) VALUES ($1, $2) ON CONFLICT (referral_id) DO NOTHING`,
      [referral.referralId, referral.caseId],
    );
  }

  /** In a stable order, so that a redelivered event takes the same locks in the same order. */
  async ofCase(within: PoolClient, caseId: string): Promise<string[]> {
    const { rows } = await within.query<{ id: string }>(
      `SELECT referral_id::text AS id FROM ${this.table} WHERE case_id = $1 ORDER BY referral_id`,
      [caseId],
    );
    return rows.map((row) => row.id);
  }
}
