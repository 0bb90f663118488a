import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookSettings } from '@lintas/webhooks/nest/webhooks.module';
import { urlRefusal } from '@lintas/webhooks/outbound/address-policy';
import { subscriptionView, type WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';
import { SubscribeToReferralsCommand } from './subscribe-to-referrals.command';

@CommandHandler(SubscribeToReferralsCommand)
export class SubscribeToReferralsHandler implements ICommandHandler<SubscribeToReferralsCommand> {
  constructor(
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(WebhookSettings) private readonly settings: WebhookSettings,
  ) {}

  async execute(command: SubscribeToReferralsCommand): Promise<WebhookSubscriptionWithSecretView> {
    const refusal = urlRefusal(command.url, this.settings);
    if (refusal) throw new EdgeError(422, 'webhook.url-not-allowed', `the webhook URL ${refusal}`);
    const subscription = await this.webhooks.create({
      id: command.subscriptionId,
      agencyId: command.agencyId,
      url: command.url,
      eventTypes: [...new Set(command.events)],
      signature: command.signature,
      ...command.form,
    });
    return subscriptionView(subscription, this.settings.installationKey, true);
  }
}
