import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { WithdrawPlacementRequestRequest } from './withdraw-placement-request.request.dto';

@Controller('placements')
export class WithdrawPlacementRequestController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  /** The owning office takes back a request the panti has not admitted; its bed or queue place frees. */
  @Post(':placementId/withdraw')
  @Allow('dinas-sosial', 'dinas-sosial-provinsi')
  withdraw(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: WithdrawPlacementRequestRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'WithdrawPlacementRequest',
        placementId,
        reason: body.reason,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
