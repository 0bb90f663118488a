import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { TransferToOriginRequest } from './transfer-to-origin.request.dto';

/** The family lives in another kabupaten/kota: the person goes to that region's Dinas Sosial, which completes the return once it owns the case (intake's transfer). */
@Controller('reunifications')
export class TransferToOriginController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/transfer-to-origin')
  @Allow('dinas-sosial')
  transferToOrigin(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: TransferToOriginRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'TransferToRegionOfOrigin',
        reunificationId,
        toOfficeId: body.toOfficeId,
        ...(body.escort !== undefined && { escort: body.escort }),
        ...(body.handedTo !== undefined && { handedTo: body.handedTo }),
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
