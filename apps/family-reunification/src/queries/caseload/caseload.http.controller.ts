import { Controller, Get, Inject } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';

export interface CaseloadEntry {
  reunificationId: string;
  caseId: string;
  personId: string;
  status: string;
  startedAt: string;
  /** The earliest follow-up visit still pending, if the person is home. */
  nextFollowUpDue: string | null;
}

/** The calling office's open reunifications, oldest first: the social workers' caseload. */
@Controller('work-queues')
export class CaseloadController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('caseload')
  @Allow('dinas-sosial')
  async caseload(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<CaseloadEntry[]> {
    await this.readModels.waitFor(minPosition);
    const s = this.store.schema;
    const { rows } = await this.pool.query<{
      reunification_id: string;
      case_id: string;
      person_id: string;
      phase: string;
      started_at: Date;
      next_due: string | null;
    }>(
      `SELECT r.reunification_id, r.case_id, r.person_id, r.state->>'phase' AS phase, r.started_at,
              (SELECT min(f.due_on)::text FROM ${s}.follow_ups f
                WHERE f.reunification_id = r.reunification_id AND f.status = 'pending') AS next_due
         FROM ${s}.reunifications r
        WHERE r.office_id = $1 AND r.status = 'open'
        ORDER BY r.started_at, r.reunification_id`,
      [actor.agencyId],
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
