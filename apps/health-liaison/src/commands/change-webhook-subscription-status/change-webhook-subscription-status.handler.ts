import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookSettings } from '@lintas/webhooks/nest/webhooks.module';
import { subscriptionView, type WebhookSubscriptionView } from '../../application/webhook-subscription.view';
import { ChangeWebhookSubscriptionStatusCommand } from './change-webhook-subscription-status.command';

@CommandHandler(ChangeWebhookSubscriptionStatusCommand)
export class ChangeWebhookSubscriptionStatusHandler implements ICommandHandler<ChangeWebhookSubscriptionStatusCommand> {
  constructor(
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(WebhookSettings) private readonly settings: WebhookSettings,
  ) {}

  async execute(command: ChangeWebhookSubscriptionStatusCommand): Promise<WebhookSubscriptionView> {
    const changed = await this.webhooks.setStatus(command.subscriptionId, command.agencyId, command.status);
    if (!changed || changed.kind !== 'webhook') {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    return subscriptionView(changed, this.settings.installationKey);
  }
}
