import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { toGuarantee } from '../../application/payment-guarantee.dto';
import { toLetter } from '../../application/referral-letter.dto';
import { RequestReferralCommand } from './request-referral.command';
import { RequestReferralRequest } from './request-referral.request.dto';

@Controller('referrals')
export class RequestReferralController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The owning office refers a person to an RSJ; the referral's id comes from the Idempotency-Key. */
  @Post()
  @Allow('dinas-sosial')
  request(
    @Body() body: RequestReferralRequest,
    @Actor() actor: AgencyActor,
    @NewId('referral') referralId: string,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RequestReferralCommand(
        {
          type: 'RequestReferral',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          caseId: body.caseId,
          personId: body.personId,
          rsjId: body.rsjId,
          urgency: body.urgency,
          guarantee: toGuarantee(body.guarantee),
          ...(body.letter && { letter: toLetter(body.letter) }),
          ...(body.returnToPlacementId && { returnToPlacementId: body.returnToPlacementId }),
        },
        byRequest(actor),
      ),
    );
  }
}
