import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AuditedRequest } from '@lintas/platform/http/access/audited-reads';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PantiQueueQuery } from '../../application/panti-queue.request.dto';
import { PlacementSummary } from '../../application/placement-summary.response.dto';
import { noteSupervisionRead, queuedPantisFor } from '../../application/supervision';
import { ResidentsReadModel } from './residents.read-model';

/**
 * A panti's residents: in a bed, in an RSJ after a relapse, or absconded, each holding a bed. The
 * panti reads its own; a provincial office those of its UPTs (application/supervision.ts).
 */
@Controller('work-queues')
export class ResidentsController {
  constructor(
    @Inject(ResidentsReadModel) private readonly residents: ResidentsReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('residents')
  @ApiOkResponse({
    type: [PlacementSummary],
    description:
      'The placements holding a bed of this panti (`resident`, `in-rsj`, `absconded`), in order of admission; ' +
      "for a provincial office, those of the UPT named in `panti`, or of all its UPTs (by panti), as its token's " +
      '`supervised_agencies` names them.',
  })
  @Allow('panti', 'dinas-sosial-provinsi')
  async list(
    @Query() query: PantiQueueQuery,
    @Actor() actor: AgencyActor,
    @Req() request: AuditedRequest,
    @MinPosition() minPosition?: string,
  ): Promise<PlacementSummary[]> {
    const pantiIds = queuedPantisFor(actor, query.panti);
    await this.readModels.waitFor(minPosition);
    if (actor.kind !== 'panti' && pantiIds.length > 0) noteSupervisionRead(request, pantiIds);
    return this.residents.ofPantis(pantiIds);
  }
}
