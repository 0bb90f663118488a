import type { PoolClient } from 'pg';

/**
 * The sequence of case numbers per office and year, allocated in the transaction that registers
 * the case: a registration that fails rolls its number back, so the numbers have no gaps. The
 * row lock serialises registrations of one office, which are few.
 */
export class CaseNumbers {
  constructor(private readonly schema: string) {}

  static ddl(schema: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.case_number_sequences (
         office_id text NOT NULL,
         year integer NOT NULL,
         last_sequence integer NOT NULL,
         PRIMARY KEY (office_id, year)
       )`,
    ];
  }

  async next(within: PoolClient, officeId: string, year: number): Promise<number> {
    const { rows } = await within.query<{ last_sequence: number }>(
      `INSERT INTO ${this.schema}.case_number_sequences AS s (office_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (office_id, year) DO UPDATE SET last_sequence = s.last_sequence + 1
       RETURNING last_sequence`,
      [officeId, year],
    );
    const sequence = rows[0]?.last_sequence;
    if (sequence === undefined) throw new Error('no case number was allocated');
    return sequence;
  }
}
