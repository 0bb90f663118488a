import { Controller, Get, Inject } from '@nestjs/common';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import type { PlacementRow } from '../../read-models/placements/placement-row';
import { ResidentsReadModel } from './residents.read-model';

/** The calling panti's residents: in a bed, in an RSJ after a relapse, or absconded, each holding a bed. */
@Controller('work-queues')
export class ResidentsController {
  constructor(
    @Inject(ResidentsReadModel) private readonly residents: ResidentsReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('residents')
  @Allow('panti')
  async list(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<PlacementRow[]> {
    await this.readModels.waitFor(minPosition);
    return this.residents.ofPanti(actor.agencyId);
  }
}
