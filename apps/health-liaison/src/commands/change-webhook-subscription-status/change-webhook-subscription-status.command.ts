import { Command } from '@nestjs/cqrs';
import type { SubscriptionStatus } from '@lintas/webhooks/delivery/webhook-store';
import type { WebhookSubscriptionView } from '../../application/webhook-subscription.view';

export class ChangeWebhookSubscriptionStatusCommand extends Command<WebhookSubscriptionView> {
  constructor(
    readonly subscriptionId: string,
    readonly agencyId: string,
    readonly status: SubscriptionStatus,
  ) {
    super();
  }
}
