import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PlacementSummary } from '../../application/placement-summary.response.dto';
import { CasePlacementsReadModel } from './case-placements.read-model';

/** The placements of a case, for the office that owns it: how it finds a placement made by reaction. */
@Controller('cases')
export class CasePlacementsController {
  constructor(
    @Inject(CasePlacementsReadModel) private readonly casePlacements: CasePlacementsReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get(':caseId/placements')
  @ApiOkResponse({
    type: [PlacementSummary],
    description: 'The placements of the case that this office owns, in order of request.',
  })
  @Allow('dinas-sosial', 'dinas-sosial-provinsi')
  async list(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<PlacementSummary[]> {
    await this.readModels.waitFor(minPosition);
    return this.casePlacements.ofCase(caseId, actor.agencyId);
  }
}
