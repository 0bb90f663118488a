import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EmergencyGrants, type EmergencyRequest } from '@lintas/person-journey/emergency/emergency-grants';
import { Actor, Allow, EmergencyReadable } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ReferralDetailsReadModel } from './referral-details.read-model';
import { ReferralDetailsResponse } from './referral-details.response.dto';

@Controller('referrals')
export class ReferralDetailsController {
  constructor(
    @Inject(ReferralDetailsReadModel) private readonly referrals: ReferralDetailsReadModel,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
  ) {}

  /**
   * The whole referral, with its version as the ETag; only its RSJ and its office see it, and an
   * agency holding an emergency access to its person.
   */
  @Get(':referralId')
  @ApiOkResponse({
    type: ReferralDetailsResponse,
    description: 'The referral as this caller may see it, and its version (also the ETag).',
  })
  @Allow('rsj', 'dinas-sosial')
  @EmergencyReadable()
  async show(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
    @Req() request: EmergencyRequest,
  ): Promise<ReferralDetailsResponse> {
    const referral = await this.referrals.seenBy(referralId, actor, (persons, visible) =>
      this.grants.admit(request, persons, visible),
    );
    if (!referral) throw new DomainError('referral.not-found', 'no such referral', 'not-found');
    return referral;
  }
}
