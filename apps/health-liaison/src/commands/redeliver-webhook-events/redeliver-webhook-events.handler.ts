import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { RedeliverWebhookEventsCommand } from './redeliver-webhook-events.command';

@CommandHandler(RedeliverWebhookEventsCommand)
export class RedeliverWebhookEventsHandler implements ICommandHandler<RedeliverWebhookEventsCommand> {
  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  async execute(command: RedeliverWebhookEventsCommand): Promise<{ redelivered: number }> {
    const redelivered = await this.webhooks.redeliver(command.subscriptionId, command.agencyId, command.range);
    if (redelivered === undefined) {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    return { redelivered };
  }
}
