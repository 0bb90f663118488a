import type { Pool } from 'pg';
import type { ReadinessCheck } from './readiness-check';

export class PostgresReadiness implements ReadinessCheck {
  readonly name = 'postgres';
  constructor(private readonly pool: Pool) {}

  async check(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
