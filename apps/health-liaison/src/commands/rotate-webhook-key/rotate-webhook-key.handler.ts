import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookSettings } from '@lintas/webhooks/nest/webhooks.module';
import { subscriptionView, type WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';
import { RotateWebhookKeyCommand } from './rotate-webhook-key.command';

@CommandHandler(RotateWebhookKeyCommand)
export class RotateWebhookKeyHandler implements ICommandHandler<RotateWebhookKeyCommand> {
  constructor(
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(WebhookSettings) private readonly settings: WebhookSettings,
  ) {}

  async execute(command: RotateWebhookKeyCommand): Promise<WebhookSubscriptionWithSecretView> {
    const rotated = await this.webhooks.rotateKey(
      command.subscriptionId,
      command.agencyId,
      command.overlapHours * 3_600_000,
    );
    if (!rotated || rotated.kind !== 'webhook') {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    return subscriptionView(rotated, this.settings.installationKey, true);
  }
}
