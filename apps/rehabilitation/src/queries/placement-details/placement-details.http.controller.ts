import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { PlacementDetailsReadModel } from './placement-details.read-model';
import type { PlacementView } from './placement-view';

/** One placement as its panti or owning office sees it now. The version is the ETag. */
@Controller('placements')
export class PlacementDetailsController {
  constructor(@Inject(PlacementDetailsReadModel) private readonly placements: PlacementDetailsReadModel) {}

  @Get(':placementId')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  read(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Actor() actor: AgencyActor,
  ): Promise<PlacementView> {
    return this.placements.read(placementId, actor);
  }
}
