import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EmergencyGrants, type EmergencyRequest } from '@lintas/person-journey/emergency/emergency-grants';
import { Actor, Allow, EmergencyReadable } from '@lintas/platform/http/agency/agency.guard';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { MinPosition } from '@lintas/platform/http/request-context';
import { CaseReunificationReadModel } from './case-reunification.read-model';
import { ReunificationResponse } from './case-reunification.response.dto';

/**
 * The reunification of a case, the latest when the case had several, for the office that owns it;
 * any other agency is told there is none (404), not that it exists, unless it holds an emergency
 * access to the person. Eventually consistent: send a
 * write's position in X-Lintas-Min-Position to read that write.
 */
@Controller('cases')
export class CaseReunificationController {
  constructor(
    @Inject(CaseReunificationReadModel) private readonly reunifications: CaseReunificationReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
  ) {}

  @Get(':caseId/reunification')
  @ApiOkResponse({
    type: ReunificationResponse,
    description: 'The latest reunification of the case, and its version (also the ETag).',
  })
  @Allow('dinas-sosial')
  @EmergencyReadable()
  async reunificationOf(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
    @Req() request: EmergencyRequest,
    @MinPosition() minPosition?: string,
  ): Promise<ReunificationResponse> {
    await this.readModels.waitFor(minPosition);
    const owned = request.emergencyOnly ? undefined : await this.reunifications.latestOf(caseId, actor.agencyId);
    const other = owned ? undefined : await this.reunifications.latestOf(caseId);
    // Without an emergency access, a kind the route does not allow is refused (403), reunification or not.
    const admitted = !owned && (await this.grants.admit(request, other ? [other.state.personId] : [], false));
    const found = owned ?? (admitted ? other : undefined);
    if (!found) {
      throw new EdgeError(404, 'reunification.not-found', 'no reunification of this case is owned by this office');
    }
    const { state } = found;
    return {
      reunificationId: state.reunificationId,
      caseId: state.caseId,
      personId: state.personId,
      officeId: state.owningOfficeId,
      status: state.status === 'closed' ? 'closed' : state.phase,
      startedAt: found.startedAt,
      startedFrom: found.startedFrom,
      family: state.family,
      pendingTransferTo: state.pendingTransferTo,
      followUps: state.followUps,
      died: state.died,
      outcome: state.outcome,
      version: found.version,
    };
  }
}
