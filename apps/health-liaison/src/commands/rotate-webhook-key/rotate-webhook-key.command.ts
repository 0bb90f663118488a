import { Command } from '@nestjs/cqrs';
import type { WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';

export class RotateWebhookKeyCommand extends Command<WebhookSubscriptionWithSecretView> {
  constructor(
    readonly subscriptionId: string,
    readonly agencyId: string,
    readonly overlapHours: number,
  ) {
    super();
  }
}
