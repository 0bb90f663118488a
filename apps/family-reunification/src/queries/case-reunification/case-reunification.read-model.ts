import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import type { OpenedReunification } from '../../domain/reunification/reunification.state';
import type { TracingTrigger } from '../../domain/reunification/reunification.vocabulary';

export interface OwnedReunification {
  state: OpenedReunification;
  version: number;
  startedAt: string;
  startedFrom: TracingTrigger;
}

/** The reunifications read model, as the office owning a case reads it. */
@Injectable()
export class CaseReunificationReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /** The latest reunification of the case that the office owns (whoever owns it, without one), if any. */
  async latestOf(caseId: string, officeId?: string): Promise<OwnedReunification | undefined> {
    const { rows } = await this.pool.query<{
      state: OpenedReunification;
      version: number;
      started_at: Date;
      started_from: TracingTrigger;
    }>(
      `SELECT state, version, started_at, started_from FROM ${this.schema}.reunifications
        WHERE case_id = $1 AND ($2::text IS NULL OR office_id = $2) ORDER BY started_at DESC, reunification_id LIMIT 1`,
      [caseId, officeId ?? null],
    );
    const row = rows[0];
    return (
      row && {
        state: row.state,
        version: row.version,
        startedAt: row.started_at.toISOString(),
        startedFrom: row.started_from,
      }
    );
  }
}
