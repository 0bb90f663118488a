import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { TracingMatchInQueue } from './tracing-matches.response.dto';

@Controller('work-queues')
export class TracingMatchesController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /**
   * Candidates waiting for the calling office's review, on the requests it owns: the most likely
   * first, then the longest waiting. Who they are, GET /tracing-requests/{id}/candidates/{personId} says.
   */
  @Get('tracing-matches')
  @ApiOkResponse({ type: [TracingMatchInQueue], description: 'Matches to review, most likely first; at most 500.' })
  @Allow('dinas-sosial')
  async toReview(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<TracingMatchInQueue[]> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<TracingMatchInQueue>(
      `SELECT m.tracing_request_id AS "tracingRequestId", m.candidate_person_id AS "candidatePersonId", m.status,
              m.probability, m.reasons, m.proposed_at AS "proposedAt",
              floor(extract(epoch FROM now() - m.proposed_at) / 86400)::int AS "ageDays"
         FROM ${this.store.schema}.tracing_matches m
         JOIN ${this.store.schema}.tracing_requests r USING (tracing_request_id)
        WHERE m.office_id = $1 AND m.status = 'proposed' AND r.status = 'open'
        ORDER BY m.probability DESC, m.proposed_at LIMIT 500`,
      [actor.agencyId],
    );
    return rows;
  }
}
