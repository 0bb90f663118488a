import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { MinPosition } from '@lintas/platform/http/request-context';
import { CaseloadReadModel } from './caseload.read-model';
import { CaseloadEntryView } from './caseload.response.dto';

/** The calling office's open reunifications, oldest first: the social workers' caseload. */
@Controller('work-queues')
export class CaseloadController {
  constructor(
    @Inject(CaseloadReadModel) private readonly caseloads: CaseloadReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('caseload')
  @ApiOkResponse({ type: [CaseloadEntryView], description: "The office's open reunifications, oldest first." })
  @Allow('dinas-sosial')
  async caseload(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<CaseloadEntryView[]> {
    await this.readModels.waitFor(minPosition);
    return this.caseloads.of(actor.agencyId);
  }
}
