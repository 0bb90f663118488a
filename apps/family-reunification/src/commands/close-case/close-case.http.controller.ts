import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { CloseCaseRequest } from './close-case.request.dto';

/** The case ends with its outcome; not while follow-ups are pending unless the person died or was lost to follow-up. */
@Controller('reunifications')
export class CloseCaseController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/close')
  @Allow('dinas-sosial')
  closeCase(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: CloseCaseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'CloseCase',
        reunificationId,
        outcome: body.outcome,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
