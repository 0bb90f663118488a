import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { WhereaboutsReadModel } from './whereabouts.read-model';
import { WhereaboutsResponse } from './whereabouts.response.dto';

@Controller('persons')
export class WhereaboutsController {
  constructor(@Inject(WhereaboutsReadModel) private readonly whereabouts: WhereaboutsReadModel) {}

  /**
   * Where the person is now, across the services, for every record linked with them. An office
   * sees the persons of its cases and those found in its region; to any other it does not exist.
   * Eventually consistent: the other services' events arrive as they are published.
   */
  @Get(':personId/whereabouts')
  @ApiOkResponse({ type: WhereaboutsResponse, description: 'Where the person is now.' })
  @Allow('dinas-sosial', 'admin')
  async show(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<WhereaboutsResponse> {
    const now = await this.whereabouts.whereIs(personId, actor, minPosition);
    if (!now) throw new DomainError('person.not-found', 'no such person', 'not-found');
    return now;
  }
}
