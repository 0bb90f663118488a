import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReferralWriter } from '../../application/referral-writer';
import { ReportDeathRequest } from './report-death.request.dto';

@Controller('referrals')
export class ReportDeathController {
  constructor(@Inject(ReferralWriter) private readonly referrals: ReferralWriter) {}

  // Whoever learns it first reports it; no If-Match, as for absconding.
  @Post(':referralId/death')
  @Allow('rsj', 'dinas-sosial')
  report(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: ReportDeathRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.referrals.execute(
      {
        type: 'ReportDeath',
        referralId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        ...(body.place && { place: body.place }),
        ...(body.certificateReference && { certificateReference: body.certificateReference }),
      },
      { actor },
    );
  }
}
