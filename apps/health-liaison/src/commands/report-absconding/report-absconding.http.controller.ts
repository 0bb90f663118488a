import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReferralWriter } from '../../application/referral-writer';
import { ReportAbscondingRequest } from './report-absconding.request.dto';

@Controller('referrals')
export class ReportAbscondingController {
  constructor(@Inject(ReferralWriter) private readonly referrals: ReferralWriter) {}

  // An alarm, not an edit: it takes no If-Match, so that a stale page never delays it.
  @Post(':referralId/absconding')
  @Allow('rsj')
  report(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: ReportAbscondingRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.referrals.execute(
      {
        type: 'ReportAbsconding',
        referralId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        ...(body.lastSeen && { lastSeen: body.lastSeen }),
      },
      { actor },
    );
  }
}
