import { once } from 'node:events';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { WebhookStore, type FeedItem } from '@lintas/webhooks/delivery/webhook-store';

/** Other instances enqueue too: a waiting feed looks again at least this often. */
const RECHECK_MS = 500;

/** The referral feed: a subscription's numbered events after a sequence number, waiting for one if asked. */
@Injectable()
export class ReferralFeedReadModel implements BeforeApplicationShutdown {
  /** Ends every waiting feed when the service stops, before its pool closes under them. */
  private readonly closing = new AbortController();

  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  beforeApplicationShutdown(): void {
    this.closing.abort();
  }

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
      if (items.length > 0 || left <= 0 || this.closing.signal.aborted) return items;
      const signal = AbortSignal.any([AbortSignal.timeout(Math.min(left, RECHECK_MS)), this.closing.signal]);
      await once(this.webhooks.enqueued, 'enqueued', { signal }).catch(() => undefined);
    }
  }
}
