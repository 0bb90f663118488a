import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { ReferralWorkQueueReadModel, type QueuedReferral } from './referral-work-queue.read-model';
import { ReferralWorkQueueQuery } from './referral-work-queue.request.dto';

@Controller('referrals')
export class ReferralWorkQueueController {
  constructor(@Inject(ReferralWorkQueueReadModel) private readonly workQueue: ReferralWorkQueueReadModel) {}

  @Get()
  @Allow('rsj', 'dinas-sosial')
  async list(
    @Query() query: ReferralWorkQueueQuery,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<{ referrals: QueuedReferral[] }> {
    return { referrals: await this.workQueue.queueOf(actor, query, minPosition) };
  }
}
