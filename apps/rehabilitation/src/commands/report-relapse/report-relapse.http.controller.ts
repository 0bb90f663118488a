import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { ReportRelapseRequest } from './report-relapse.request.dto';

@Controller('placements')
export class ReportRelapseController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  /** The resident goes to the RSJ and keeps the bed: they come back to this placement. */
  @Post(':placementId/relapse')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  report(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReportRelapseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'ReportRelapse',
        placementId,
        rsjId: body.rsjId,
        reportedBy: body.reportedBy ?? (actor.kind === 'panti' ? 'panti' : 'family'),
        signsObserved: body.signs ?? null,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
