import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow, EmergencyReadable } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PersonJourneyResponse } from './person-journey.response.dto';
import { EmergencyGrants, type EmergencyRequest } from './emergency/emergency-grants';
import { PersonAccess } from './person-access';

/**
 * GET /persons/:personId/journey — this service's part of a person's path, in order; for admins and
 * the offices that acted on the person here (PersonAccess), and an agency holding an emergency
 * access to the person.
 */
@Controller('persons')
export class PersonJourneyController {
  private readonly access: PersonAccess;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
  ) {
    this.access = new PersonAccess(pool, store.schema);
  }

  @Get(':personId/journey')
  @ApiOkResponse({ type: PersonJourneyResponse, description: "The person's steps in this service, in order." })
  @Allow('dinas-sosial', 'admin')
  @EmergencyReadable()
  async journey(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
    @Req() request: EmergencyRequest,
    @MinPosition() minPosition?: string,
  ): Promise<PersonJourneyResponse> {
    await this.readModels.waitFor(minPosition);
    const persons = await this.access.persons(personId, actor, (ids, visible) =>
      this.grants.admit(request, ids, visible),
    );
    const { rows } = await this.pool.query<{
      person_id: string;
      type: string;
      occurred_at: Date;
      recorded_at: Date;
      agency_id: string;
      stream_id: string;
      position: string;
    }>(
      `SELECT person_id::text, type, occurred_at, recorded_at, agency_id, stream_id,
              transaction_id::text || '.' || sequence AS position
         FROM ${this.store.schema}.person_journey WHERE person_id = ANY($1::uuid[])
        ORDER BY transaction_id, sequence`,
      [persons],
    );
    return {
      personId,
      persons,
      steps: rows.map((r) => ({
        personId: r.person_id,
        type: r.type,
        occurredAt: r.occurred_at.toISOString(),
        recordedAt: r.recorded_at.toISOString(),
        agencyId: r.agency_id,
        streamId: r.stream_id,
        position: r.position,
      })),
    };
  }
}
