import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ReferralFeedReadModel } from './referral-feed.read-model';
import { ReferralFeedQuery } from './referral-feed.request.dto';
import { ReferralFeedResponse } from './referral-feed.response.dto';

@Controller('feeds')
export class ReferralFeedController {
  constructor(@Inject(ReferralFeedReadModel) private readonly feed: ReferralFeedReadModel) {}

  /**
   * The referral events the caller may see, numbered as its webhooks number them, after `after`;
   * with `wait`, the answer waits up to that many seconds for the next one (long polling).
   */
  @Get('referrals')
  @ApiOkResponse({ type: ReferralFeedResponse, description: 'The events after `after`, in sequence order.' })
  @Allow('rsj')
  async read(@Query() query: ReferralFeedQuery, @Actor() actor: AgencyActor): Promise<ReferralFeedResponse> {
    const subscriptionId = await this.feed.subscriptionOf(actor.agencyId, query.subscriptionId);
    if (!subscriptionId) {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    const after = query.after ?? 0;
    const items = await this.feed.after(subscriptionId, after, query.limit ?? 100, (query.wait ?? 0) * 1000);
    return {
      subscriptionId,
      items: items.map((item) => ({
        sequence: item.sequence,
        personId: typeof item.event.subject === 'string' ? item.event.subject : '',
        event: item.event,
      })),
      next: items.at(-1)?.sequence ?? after,
    };
  }
}
