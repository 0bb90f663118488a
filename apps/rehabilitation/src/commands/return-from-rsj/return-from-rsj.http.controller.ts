import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { ReturnFromRsjRequest } from './return-from-rsj.request.dto';

/**
 * Usually recorded by reaction to health-liaison's discharge naming this placement; by hand when
 * the resident came back some other way.
 */
@Controller('placements')
export class ReturnFromRsjController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  @Post(':placementId/return-from-rsj')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi', 'rsj')
  resume(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReturnFromRsjRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'ResumePlacement',
        placementId,
        rsjId: body.rsjId ?? (actor.kind === 'rsj' ? actor.agencyId : null),
        referralId: body.referralId ?? null,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
