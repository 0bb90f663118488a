import { Body, Controller, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { RecordFollowUpMissedRequest } from './record-follow-up-missed.request.dto';

/** A follow-up visit that did not take place by its day. */
@Controller('reunifications')
export class RecordFollowUpMissedController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/follow-ups/:visit/missed')
  @Allow('dinas-sosial')
  recordFollowUpMissed(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Param('visit', new ParseIntPipe()) visit: number,
    @Body() body: RecordFollowUpMissedRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'RecordFollowUpMissed',
        reunificationId,
        visit,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
