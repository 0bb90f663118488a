import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { caseStreamId } from '../../application/intake-writer';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseView, type CaseView } from './case-view';

@Controller('cases')
export class CaseDetailsController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

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
    const recorded = await this.store.readStream(caseStreamId(caseId));
    const view = caseView(recorded.map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
    if (!view || (view.officeId !== actor.agencyId && view.transfer?.toOfficeId !== actor.agencyId)) {
      throw new DomainError('case.not-found', 'no such case', 'not-found');
    }
    return { ...view, version: recorded.at(-1)?.streamVersion ?? 0 };
  }
}
