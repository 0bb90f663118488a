import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { MinPosition } from '@lintas/platform/http/request-context';
import { FollowUpsDueReadModel } from './follow-ups-due.read-model';
import { FollowUpsDueQuery } from './follow-ups-due.request.dto';
import { FollowUpDueView } from './follow-ups-due.response.dto';

/** The pending follow-up visits of the calling office's open cases, by due date. */
@Controller('work-queues')
export class FollowUpsDueController {
  constructor(
    @Inject(FollowUpsDueReadModel) private readonly followUps: FollowUpsDueReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('follow-ups-due')
  @ApiOkResponse({ type: [FollowUpDueView], description: 'The pending visits, by due date.' })
  @Allow('dinas-sosial')
  async followUpsDue(
    @Query() query: FollowUpsDueQuery,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<FollowUpDueView[]> {
    await this.readModels.waitFor(minPosition);
    return this.followUps.of(actor.agencyId, query.until);
  }
}
