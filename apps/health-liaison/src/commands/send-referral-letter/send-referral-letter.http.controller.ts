import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { toLetter } from '../../application/referral-letter.dto';
import { SendReferralLetterCommand } from './send-referral-letter.command';
import { SendReferralLetterRequest } from './send-referral-letter.request.dto';

@Controller('referrals')
export class SendReferralLetterController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The letter a referral made by a reaction lacks, or a revised one (a new worker, a new phone). */
  @Post(':referralId/letter')
  @Allow('dinas-sosial')
  send(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: SendReferralLetterRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new SendReferralLetterCommand(
        {
          type: 'SendReferralLetter',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          letter: toLetter(body.letter),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
