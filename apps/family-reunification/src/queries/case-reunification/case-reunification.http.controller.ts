import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { MinPosition } from '@lintas/platform/http/request-context';
import type { OpenedReunification } from '../../domain/reunification/reunification.state';

export interface ReunificationView {
  reunificationId: string;
  caseId: string;
  personId: string;
  officeId: string;
  /** The stage of the work with the family, or `closed`. */
  status: OpenedReunification['phase'] | 'closed';
  startedAt: string;
  startedFrom: string;
  family: OpenedReunification['family'];
  pendingTransferTo: string | null;
  followUps: OpenedReunification['followUps'];
  died: boolean;
  outcome: OpenedReunification['outcome'];
  /** The stream version: send it back in If-Match. */
  version: number;
}

/**
 * The reunification of a case, the latest when the case had several, for the office that owns it;
 * any other agency is told there is none (404), not that it exists. Eventually consistent: send a
 * write's position in X-Lintas-Min-Position to read that write.
 */
@Controller('cases')
export class CaseReunificationController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get(':caseId/reunification')
  @Allow('dinas-sosial')
  async reunificationOf(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<ReunificationView> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<{
      state: OpenedReunification;
      version: number;
      started_at: Date;
      started_from: string;
    }>(
      `SELECT state, version, started_at, started_from FROM ${this.store.schema}.reunifications
        WHERE case_id = $1 AND office_id = $2 ORDER BY started_at DESC, reunification_id LIMIT 1`,
      [caseId, actor.agencyId],
    );
    const row = rows[0];
    if (!row)
      throw new EdgeError(404, 'reunification.not-found', 'no reunification of this case is owned by this office');
    const { state } = row;
    return {
      reunificationId: state.reunificationId,
      caseId: state.caseId,
      personId: state.personId,
      officeId: state.owningOfficeId,
      status: state.status === 'closed' ? 'closed' : state.phase,
      startedAt: row.started_at.toISOString(),
      startedFrom: row.started_from,
      family: state.family,
      pendingTransferTo: state.pendingTransferTo,
      followUps: state.followUps,
      died: state.died,
      outcome: state.outcome,
      version: row.version,
    };
  }
}
