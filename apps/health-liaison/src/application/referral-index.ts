import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';

/**
 * Which referrals a case has, written in the transaction of each request: a reaction that starts
 * from a case (a transfer) finds every referral at once, where the work queue could still be behind.
 */
export class ReferralIndex {
  constructor(private readonly schema: string) {}

  static ddl(schema: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.referral_index (
         referral_id uuid PRIMARY KEY,
         case_id uuid NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS referral_index_case ON ${schema}.referral_index (case_id)`,
    ];
  }

  async record(within: PoolClient, referral: { referralId: string; caseId: string }): Promise<void> {
    await within.query(
      `INSERT INTO ${this.schema}.referral_index (referral_id, case_id) VALUES ($1, $2)
       ON CONFLICT (referral_id) DO NOTHING`,
      [referral.referralId, referral.caseId],
    );
  }

  /** In a stable order, so that a redelivered event takes the same locks in the same order. */
  async ofCase(within: PoolClient, caseId: string): Promise<string[]> {
    const { rows } = await within.query<{ id: string }>(
      `SELECT referral_id::text AS id FROM ${this.schema}.referral_index WHERE case_id = $1 ORDER BY referral_id`,
      [caseId],
    );
    return rows.map((row) => row.id);
  }
}

/** Creates the index's table before the service takes its first request or event. */
@Injectable()
export class ReferralIndexSchema implements OnModuleInit {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = this.store.schema;
    await applySchema(this.pool, `lintas-referral-index:${schema}`, ReferralIndex.ddl(schema));
  }
}
