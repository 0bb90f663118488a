import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { RecordFamilyDeclinedRequest } from './record-family-declined.request.dto';

/** The located family declines to take the person back. */
@Controller('reunifications')
export class RecordFamilyDeclinedController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/family-declined')
  @Allow('dinas-sosial')
  recordFamilyDeclined(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyDeclinedRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'RecordFamilyDeclinedReturn',
        reunificationId,
        ...(body.reason !== undefined && { reason: body.reason }),
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
