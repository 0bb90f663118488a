import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EmergencyGrants, type EmergencyRequest } from '@lintas/person-journey/emergency/emergency-grants';
import { Actor, Allow, EmergencyReadable } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { noteSupervisionRead } from '../../application/supervision';
import { PlacementDetailsReadModel } from './placement-details.read-model';
import { PlacementDetailsResponse } from './placement-details.response.dto';

/**
 * One placement as its panti or owning office sees it now, or the provincial office of the panti
 * if it is a UPT (read-only), or an emergency access. The version is the ETag.
 */
@Controller('placements')
export class PlacementDetailsController {
  constructor(
    @Inject(PlacementDetailsReadModel) private readonly placements: PlacementDetailsReadModel,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
  ) {}

  @Get(':placementId')
  @ApiOkResponse({
    type: PlacementDetailsResponse,
    description: 'The placement now, and its version (also the ETag).',
  })
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  @EmergencyReadable()
  read(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Actor() actor: AgencyActor,
    @Req() request: EmergencyRequest,
  ): Promise<PlacementDetailsResponse> {
    return this.placements.read(
      placementId,
      actor,
      (persons, visible) => this.grants.admit(request, persons, visible),
      (pantiId) => noteSupervisionRead(request, [pantiId]),
    );
  }
}
