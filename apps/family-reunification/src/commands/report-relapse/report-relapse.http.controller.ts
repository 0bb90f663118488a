import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { ReportRelapseRequest } from './report-relapse.request.dto';

/** The family tells the office the person is relapsing (kambuh). */
@Controller('reunifications')
export class ReportRelapseController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/relapse')
  @Allow('dinas-sosial')
  reportRelapse(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: ReportRelapseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'ReportRelapse',
        reunificationId,
        signs: body.signs,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
