import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';

export interface FollowUpDue {
  reunificationId: string;
  caseId: string;
  personId: string;
  visit: number;
  dueOn: string;
  /** Past its day (in UTC) and not yet visited or recorded as missed. */
  overdue: boolean;
}

/** The follow-ups read model, as an office's list of visits to make. */
@Injectable()
export class FollowUpsDueReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /** The pending visits of the office's open cases of living persons, due on or before `until` when given. */
  async of(officeId: string, until: string | undefined): Promise<FollowUpDue[]> {
    const s = this.schema;
    const { rows } = await this.pool.query<{
      reunification_id: string;
      case_id: string;
      person_id: string;
      visit: number;
      due_on: string;
      overdue: boolean;
    }>(
      `SELECT r.reunification_id, r.case_id, r.person_id, f.visit, f.due_on::text AS due_on,
              f.due_on < (now() AT TIME ZONE 'UTC')::date AS overdue
         FROM ${s}.follow_ups f JOIN ${s}.reunifications r USING (reunification_id)
        WHERE r.office_id = $1 AND r.status = 'open' AND NOT (r.state->>'died')::boolean
          AND f.status = 'pending' AND ($2::date IS NULL OR f.due_on <= $2::date)
        ORDER BY f.due_on, r.reunification_id, f.visit`,
      [officeId, until ?? null],
    );
    return rows.map((row) => ({
      reunificationId: row.reunification_id,
      caseId: row.case_id,
      personId: row.person_id,
      visit: row.visit,
      dueOn: row.due_on,
      overdue: row.overdue,
    }));
  }
}
