import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { AddTracingLeadsRequest } from './add-tracing-leads.request.dto';

/** More names and places the person mentions, while the family is still sought; none is fine. */
@Controller('reunifications')
export class AddTracingLeadsController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/tracing')
  @Allow('dinas-sosial')
  addLeads(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: AddTracingLeadsRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'AddTracingLeads',
        reunificationId,
        leads: body.leads ?? [],
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
