import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { WebhookStore, type FeedItem } from '@lintas/webhooks/delivery/webhook-store';

/** Other instances enqueue too: a waiting feed looks again at least this often. */
const RECHECK_MS = 500;

/** The referral feed: a subscription's numbered events after a sequence number, waiting for one if asked. */
@Injectable()
export class ReferralFeedReadModel {
  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  /** The subscription the feed reads: the webhook subscription named (the caller's own), else the caller's feed. */
  async subscriptionOf(agencyId: string, subscriptionId?: string): Promise<string | undefined> {
    if (!subscriptionId) return this.webhooks.feedOf(agencyId);
    return (await this.webhooks.find(subscriptionId, agencyId))?.id;
  }

  async after(subscriptionId: string, after: number, limit: number, waitMs: number): Promise<FeedItem[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const items = await this.webhooks.feed(subscriptionId, after, limit);
      const left = deadline - Date.now();
      if (items.length > 0 || left <= 0) return items;
      const timeout = AbortSignal.timeout(Math.min(left, RECHECK_MS));
      await once(this.webhooks.enqueued, 'enqueued', { signal: timeout }).catch(() => undefined);
    }
  }
}
