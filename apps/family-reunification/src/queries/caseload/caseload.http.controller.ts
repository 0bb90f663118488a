import { Controller, Get, Inject } from '@nestjs/common';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { MinPosition } from '@lintas/platform/http/request-context';
import { CaseloadReadModel, type CaseloadEntry } from './caseload.read-model';

/** The calling office's open reunifications, oldest first: the social workers' caseload. */
@Controller('work-queues')
export class CaseloadController {
  constructor(
    @Inject(CaseloadReadModel) private readonly caseloads: CaseloadReadModel,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get('caseload')
  @Allow('dinas-sosial')
  async caseload(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<CaseloadEntry[]> {
    await this.readModels.waitFor(minPosition);
    return this.caseloads.of(actor.agencyId);
  }
}
