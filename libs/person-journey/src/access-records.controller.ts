import { Controller, DefaultValuePipe, Get, Inject, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { EventStore } from '@lintas/event-store/event-store';
import { AccessLog } from '@lintas/platform/http/access/access-log';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { Pool } from 'pg';
import { AccessRecordsResponse } from './access-records.response.dto';
import { PersonAccess } from './person-access';

/** GET /persons/:personId/access-records — who read the person's data here, and who was refused. */
@Controller('persons')
export class AccessRecordsController {
  private readonly access: PersonAccess;

  constructor(
    @Inject(Pool) pool: Pool,
    @Inject(EventStore) store: EventStore,
    @Inject(AccessLog) private readonly log: AccessLog,
  ) {
    this.access = new PersonAccess(pool, store.schema);
  }

  @Get(':personId/access-records')
  @ApiOkResponse({
    type: AccessRecordsResponse,
    description: "Reads of the person's data in this service, newest first.",
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'before', required: false, schema: { type: 'string', pattern: '^\\d{1,19}$' } })
  @Allow('dinas-sosial', 'admin')
  async records(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
    @Query('limit', new DefaultValuePipe(100), new ParseIntPipe()) limit: number,
    @Query('before') before?: string,
  ): Promise<AccessRecordsResponse> {
    if (limit < 1 || limit > 500) throw new EdgeError(400, 'limit.invalid', 'limit must be between 1 and 500');
    if (before !== undefined && !/^\d{1,19}$/.test(before)) {
      throw new EdgeError(400, 'before.invalid', 'before must be a record id this API returned');
    }
    const persons = await this.access.persons(personId, actor);
    return { personId, persons, records: await this.log.forPerson(persons, limit, before) };
  }
}
