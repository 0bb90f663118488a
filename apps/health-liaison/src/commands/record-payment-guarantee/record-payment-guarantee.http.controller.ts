import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { toGuarantee } from '../../application/payment-guarantee.dto';
import { ReferralWriter } from '../../application/referral-writer';
import { RecordPaymentGuaranteeRequest } from './record-payment-guarantee.request.dto';

@Controller('referrals')
export class RecordPaymentGuaranteeController {
  constructor(@Inject(ReferralWriter) private readonly referrals: ReferralWriter) {}

  @Post(':referralId/guarantee')
  @Allow('dinas-sosial')
  record(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: RecordPaymentGuaranteeRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.referrals.execute(
      {
        type: 'RecordPaymentGuarantee',
        referralId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        guarantee: toGuarantee(body.guarantee),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
