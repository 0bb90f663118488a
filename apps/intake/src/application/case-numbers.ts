import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';

/**
 * The sequence of case numbers per office and year, allocated in the transaction that registers
 * the case: a registration that fails rolls its number back, so the numbers have no gaps. The
 * row lock serialises registrations of one office, which are few.
 */
@Injectable()
export class CaseNumbers implements OnModuleInit {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  private get table(): string {
    return `${this.store.schema}.case_number_sequences`;
  }

  /** Before the service takes its first request. */
  async onModuleInit(): Promise<void> {
    await applySchema(this.pool, `lintas-case-numbers:${this.store.schema}`, [
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         office_id text NOT NULL,
         year integer NOT NULL,
         last_sequence integer NOT NULL,
         PRIMARY KEY (office_id, year)
       )`,
    ]);
  }

  async next(within: PoolClient, officeId: string, year: number): Promise<number> {
    const { rows } = await within.query<{ last_sequence: number }>(
      `INSERT INTO ${this.table} AS s (office_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (office_id, year) DO UPDATE SET last_sequence = s.last_sequence + 1
       RETURNING last_sequence`,
      [officeId, year],
    );
    const sequence = rows[0]?.last_sequence;
    if (sequence === undefined) throw new Error('no case number was allocated');
    return sequence;
  }
}
