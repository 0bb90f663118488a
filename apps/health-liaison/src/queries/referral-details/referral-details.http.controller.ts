import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ReferralDetailsReadModel } from './referral-details.read-model';
import { ReferralDetailsResponse } from './referral-details.response.dto';

@Controller('referrals')
export class ReferralDetailsController {
  constructor(@Inject(ReferralDetailsReadModel) private readonly referrals: ReferralDetailsReadModel) {}

  /** The whole referral, with its version as the ETag; only its RSJ and its office see it. */
  @Get(':referralId')
  @ApiOkResponse({
    type: ReferralDetailsResponse,
    description: 'The referral as this caller may see it, and its version (also the ETag).',
  })
  @Allow('rsj', 'dinas-sosial')
  async show(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
  ): Promise<ReferralDetailsResponse> {
    const referral = await this.referrals.seenBy(referralId, actor);
    if (!referral) throw new DomainError('referral.not-found', 'no such referral', 'not-found');
    return referral;
  }
}
