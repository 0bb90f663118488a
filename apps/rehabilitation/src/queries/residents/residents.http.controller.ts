import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PlacementSummary } from '../../application/placement-summary.response.dto';
import { ResidentsReadModel } from './residents.read-model';

/** The calling panti's residents: in a bed, in an RSJ after a relapse, or absconded, each holding a bed. */
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
      'The placements holding a bed of this panti (`resident`, `in-rsj`, `absconded`), in order of admission.',
  })
  @Allow('panti')
  async list(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<PlacementSummary[]> {
    await this.readModels.waitFor(minPosition);
    return this.residents.ofPanti(actor.agencyId);
  }
}
