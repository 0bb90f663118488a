import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { ReturnAbscondedResidentRequest } from './return-absconded-resident.request.dto';

@Controller('placements')
export class ReturnAbscondedResidentController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  /** Found and brought back to the bed that was held. */
  @Post(':placementId/return')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  returned(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReturnAbscondedResidentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      { type: 'ReturnAbscondedResident', placementId, actor: domainActor(actor), at: occurredAt(body.occurredAt) },
      { actor, expectedVersion: ifMatch },
    );
  }
}
