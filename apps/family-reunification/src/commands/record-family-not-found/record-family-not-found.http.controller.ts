import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { RecordFamilyNotFoundRequest } from './record-family-not-found.request.dto';

/** Tracing ended without a family: what was tried. */
@Controller('reunifications')
export class RecordFamilyNotFoundController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/family-not-found')
  @Allow('dinas-sosial')
  recordFamilyNotFound(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyNotFoundRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'RecordFamilyNotFound',
        reunificationId,
        efforts: body.efforts,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
