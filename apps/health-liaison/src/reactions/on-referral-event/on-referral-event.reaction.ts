import { Inject, type Type } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Contract } from '@lintas/contracts/contract';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { audienceOf, REFERRAL_WEBHOOK_CONTRACTS } from '../../application/referral-webhook-events';

/**
 * Health-liaison's own referral events, heard back from its topic, handed to the subscriptions
 * (webhooks and the feed) of the agency that may see them, in the inbox's transaction: the
 * sequence number is taken and the delivery queued exactly once, or not at all.
 */
abstract class ReferralEventToSubscribers implements Reaction<{ rsjId?: string; reportedBy?: string }> {
  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  async handle(event: Received<{ rsjId?: string; reportedBy?: string }>, transaction: PoolClient): Promise<void> {
    const agencyId = audienceOf(event.data);
    if (!agencyId) return;
    await this.webhooks.enqueue(transaction, agencyId, {
      id: event.id,
      type: event.type,
      personKey: event.personId ?? '',
      // CloudEvents 1.0, structured JSON: ids, codes and times, as the contract carries them.
      cloudEvent: {
        specversion: '1.0',
        id: event.id,
        source: event.source,
        type: event.type,
        time: event.time,
        ...(event.personId && { subject: event.personId }),
        datacontenttype: 'application/json',
        data: event.data,
      },
    });
  }
}

/** One reaction per contract an agency may subscribe to (the messaging module finds them one contract each). */
export const REFERRAL_EVENT_REACTIONS: Type<ReferralEventToSubscribers>[] = REFERRAL_WEBHOOK_CONTRACTS.map(
  (contract) => {
    @ReactsTo(contract as Contract<unknown>)
    class ForSubscribers extends ReferralEventToSubscribers {}
    Object.defineProperty(ForSubscribers, 'name', { value: `ForSubscribers(${contract.type})` });
    return ForSubscribers;
  },
);
