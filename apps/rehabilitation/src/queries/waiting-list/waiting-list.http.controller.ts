import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AuditedRequest } from '@lintas/platform/http/access/audited-reads';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PantiQueueQuery } from '../../application/panti-queue.request.dto';
import { noteSupervisionRead, queuedPantisFor } from '../../application/supervision';
import { WaitingListReadModel } from './waiting-list.read-model';
import { WaitingPlacement } from './waiting-list.response.dto';

/**
 * A panti's requests not yet admitted: beds held for admission first, then the queue in order. The
 * panti reads its own; a provincial office those of its UPTs (application/supervision.ts).
 */
@Controller('work-queues')
export class WaitingListController {
  constructor(
    @Inject(WaitingListReadModel) private readonly waitingList: WaitingListReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('waiting-list')
  @ApiOkResponse({
    type: [WaitingPlacement],
    description:
      'Beds held for admission first, then the queue, each in order of request; for a provincial office, ' +
      "the UPT named in `panti`, or all its UPTs (by panti, each with its own queue positions), as its token's " +
      '`supervised_agencies` names them.',
  })
  @Allow('panti', 'dinas-sosial-provinsi')
  async list(
    @Query() query: PantiQueueQuery,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @MinPosition() minPosition?: string,
  ): Promise<WaitingPlacement[]> {
    const pantiIds = queuedPantisFor(actor, query.panti);
    await this.readModels.waitFor(minPosition);
    if (actor.kind !== 'panti' && pantiIds.length > 0) noteSupervisionRead(request, pantiIds);
    return this.waitingList.ofPantis(pantiIds);
  }
}
