import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { WithdrawPlacementRequestCommand } from './withdraw-placement-request.command';
import { WithdrawPlacementRequestRequest } from './withdraw-placement-request.request.dto';

@Controller('placements')
export class WithdrawPlacementRequestController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The owning office takes back a request the panti has not admitted; its bed or queue place frees. */
  @Post(':placementId/withdraw')
  @Allow('dinas-sosial', 'dinas-sosial-provinsi')
  withdraw(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: WithdrawPlacementRequestRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new WithdrawPlacementRequestCommand(
        {
          type: 'WithdrawPlacementRequest',
          placementId,
          reason: body.reason,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
