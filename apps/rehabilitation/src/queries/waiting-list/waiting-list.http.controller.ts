import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { WaitingListReadModel } from './waiting-list.read-model';
import { WaitingPlacement } from './waiting-list.response.dto';

/** The calling panti's requests not yet admitted: beds held for admission first, then the queue in order. */
@Controller('work-queues')
export class WaitingListController {
  constructor(
    @Inject(WaitingListReadModel) private readonly waitingList: WaitingListReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('waiting-list')
  @ApiOkResponse({
    type: [WaitingPlacement],
    description: 'Beds held for admission first, then the queue, each in order of request.',
  })
  @Allow('panti')
  async list(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<WaitingPlacement[]> {
    await this.readModels.waitFor(minPosition);
    return this.waitingList.ofPanti(actor.agencyId);
  }
}
