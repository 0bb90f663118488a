import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { WithdrawReferralCommand } from './withdraw-referral.command';
import { WithdrawReferralRequest } from './withdraw-referral.request.dto';

@Controller('referrals')
export class WithdrawReferralController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':referralId/withdraw')
  @Allow('dinas-sosial')
  withdraw(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: WithdrawReferralRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new WithdrawReferralCommand(
        {
          type: 'WithdrawReferral',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          reason: body.reason,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
