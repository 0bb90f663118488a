import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';

import { FollowUpsDueQuery } from './follow-ups-due.request.dto';

export interface FollowUpDue {
  reunificationId: string;
  caseId: string;
  personId: string;
  visit: number;
  dueOn: string;
  /** Past its day (in UTC) and not yet visited or recorded as missed. */
  overdue: boolean;
}

/** The pending follow-up visits of the calling office's open cases, by due date. */
@Controller('work-queues')
export class FollowUpsDueController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('follow-ups-due')
  @Allow('dinas-sosial')
  async followUpsDue(
    @Query() query: FollowUpsDueQuery,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<FollowUpDue[]> {
    await this.readModels.waitFor(minPosition);
    const s = this.store.schema;
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
      [actor.agencyId, query.until ?? null],
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
