import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { MinPosition } from '@lintas/platform/http/request-context';
import { COMPLAINT_ADDRESSEE_KINDS } from '../../application/complaint-parties';
import { ComplaintQueueReadModel } from './complaint-queue.read-model';
import { QueuedComplaintView } from './complaint-queue.response.dto';

/** The unanswered complaints routed to the calling agency, the nearest deadline first. */
@Controller('work-queues')
export class ComplaintQueueController {
  constructor(
    @Inject(ComplaintQueueReadModel) private readonly complaints: ComplaintQueueReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('complaints')
  @ApiOkResponse({ type: [QueuedComplaintView], description: 'The complaints to answer, the nearest deadline first.' })
  @Allow(...COMPLAINT_ADDRESSEE_KINDS)
  async complaintsToAnswer(
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<QueuedComplaintView[]> {
    await this.readModels.waitFor(minPosition);
    return this.complaints.of(actor.agencyId);
  }
}
