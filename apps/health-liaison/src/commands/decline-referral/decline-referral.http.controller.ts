import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { DeclineReferralCommand } from './decline-referral.command';
import { DeclineReferralRequest } from './decline-referral.request.dto';

@Controller('referrals')
export class DeclineReferralController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':referralId/decline')
  @Allow('rsj')
  decline(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: DeclineReferralRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new DeclineReferralCommand(
        {
          type: 'DeclineReferral',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          reason: body.reason,
          ...(body.note && { note: body.note }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
