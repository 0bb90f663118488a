import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import type { ReunificationPhase } from '../../domain/reunification/reunification.state';

export interface CaseloadEntry {
  reunificationId: string;
  caseId: string;
  personId: string;
  status: ReunificationPhase;
  startedAt: string;
  /** The earliest follow-up visit still pending, if the person is home. */
  nextFollowUpDue: string | null;
}

/** The reunifications and follow-ups read models, as an office's caseload. */
@Injectable()
export class CaseloadReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /** The office's open reunifications, oldest first. */
  async of(officeId: string): Promise<CaseloadEntry[]> {
    const s = this.schema;
    const { rows } = await this.pool.query<{
      reunification_id: string;
      case_id: string;
      person_id: string;
      phase: ReunificationPhase;
      started_at: Date;
      next_due: string | null;
    }>(
      `SELECT r.reunification_id, r.case_id, r.person_id, r.state->>'phase' AS phase, r.started_at,
              (SELECT min(f.due_on)::text FROM ${s}.follow_ups f
                WHERE f.reunification_id = r.reunification_id AND f.status = 'pending') AS next_due
         FROM ${s}.reunifications r
        WHERE r.office_id = $1 AND r.status = 'open'
        ORDER BY r.started_at, r.reunification_id`,
      [officeId],
    );
    return rows.map((row) => ({
      reunificationId: row.reunification_id,
      caseId: row.case_id,
      personId: row.person_id,
      status: row.phase,
      startedAt: row.started_at.toISOString(),
      nextFollowUpDue: row.next_due,
    }));
  }
}
