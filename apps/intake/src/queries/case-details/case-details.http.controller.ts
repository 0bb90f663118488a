import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { CaseDetailsReadModel } from './case-details.read-model';
import type { CaseView } from './case-view';

@Controller('cases')
export class CaseDetailsController {
  constructor(@Inject(CaseDetailsReadModel) private readonly details: CaseDetailsReadModel) {}

  /**
   * The whole case, read from its stream (so always current; its version is the ETag to send back
   * as If-Match). The owning office sees it, and the office asked to take it over; to anyone else
   * it does not exist.
   */
  @Get(':caseId')
  @Allow('dinas-sosial')
  async show(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
  ): Promise<CaseView & { version: number }> {
    const details = await this.details.caseFor(caseId, actor);
    if (!details) throw new DomainError('case.not-found', 'no such case', 'not-found');
    return details;
  }
}
