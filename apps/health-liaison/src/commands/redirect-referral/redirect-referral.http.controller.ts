import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RedirectReferralCommand } from './redirect-referral.command';
import { RedirectReferralRequest } from './redirect-referral.request.dto';

@Controller('referrals')
export class RedirectReferralController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * Re-refers a declined person to another RSJ. Answers with the NEW referral (its id, version and
   * position); If-Match applies to the declined one.
   */
  @Post(':referralId/redirect')
  @Allow('dinas-sosial')
  redirect(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: RedirectReferralRequest,
    @Actor() actor: AgencyActor,
    @NewId('referral') newReferralId: string,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RedirectReferralCommand(
        {
          type: 'RedirectReferral',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          newReferralId,
          toRsjId: body.toRsjId,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
