import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { ReferralWorkQueueReadModel } from './referral-work-queue.read-model';
import { ReferralWorkQueueQuery } from './referral-work-queue.request.dto';
import { ReferralWorkQueueResponse } from './referral-work-queue.response.dto';

@Controller('referrals')
export class ReferralWorkQueueController {
  constructor(@Inject(ReferralWorkQueueReadModel) private readonly workQueue: ReferralWorkQueueReadModel) {}

  /**
   * An RSJ's queue (referrals addressed to it) or an office's (referrals of cases it owns), most
   * urgent first, then oldest.
   */
  @Get()
  @ApiOkResponse({
    type: ReferralWorkQueueResponse,
    description: "The caller's referrals with the statuses asked for.",
  })
  @Allow('rsj', 'dinas-sosial')
  async list(
    @Query() query: ReferralWorkQueueQuery,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<ReferralWorkQueueResponse> {
    return { referrals: await this.workQueue.queueOf(actor, query, minPosition) };
  }
}
