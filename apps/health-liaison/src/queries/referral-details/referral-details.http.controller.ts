import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ReferralDetailsReadModel, type ReferralDetails } from './referral-details.read-model';

@Controller('referrals')
export class ReferralDetailsController {
  constructor(@Inject(ReferralDetailsReadModel) private readonly referrals: ReferralDetailsReadModel) {}

  /** The whole referral, with its version as the ETag; only its RSJ and its office see it. */
  @Get(':referralId')
  @Allow('rsj', 'dinas-sosial')
  async show(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
  ): Promise<ReferralDetails & { version: number }> {
    const referral = await this.referrals.seenBy(referralId, actor);
    if (!referral) throw new DomainError('referral.not-found', 'no such referral', 'not-found');
    return referral;
  }
}
