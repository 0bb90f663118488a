import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { PlacementDetailsReadModel } from './placement-details.read-model';
import { PlacementDetailsResponse } from './placement-details.response.dto';

/** One placement as its panti or owning office sees it now. The version is the ETag. */
@Controller('placements')
export class PlacementDetailsController {
  constructor(@Inject(PlacementDetailsReadModel) private readonly placements: PlacementDetailsReadModel) {}

  @Get(':placementId')
  @ApiOkResponse({
    type: PlacementDetailsResponse,
    description: 'The placement now, and its version (also the ETag).',
  })
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  read(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Actor() actor: AgencyActor,
  ): Promise<PlacementDetailsResponse> {
    return this.placements.read(placementId, actor);
  }
}
