import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { DeclinePlacementRequest } from './decline-placement.request.dto';

@Controller('placements')
export class DeclinePlacementController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  @Post(':placementId/decline')
  @Allow('panti')
  decline(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: DeclinePlacementRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'DeclinePlacement',
        placementId,
        reason: body.reason,
        note: body.note ?? null,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
