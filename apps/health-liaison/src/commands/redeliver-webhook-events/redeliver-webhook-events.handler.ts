import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { AccessLog } from '@lintas/platform/http/access/access-log';
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';
import { ScopeMissingError } from '@lintas/platform/http/problems/http-errors';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { RedeliverWebhookEventsCommand } from './redeliver-webhook-events.command';

@CommandHandler(RedeliverWebhookEventsCommand)
export class RedeliverWebhookEventsHandler implements ICommandHandler<RedeliverWebhookEventsCommand> {
  constructor(
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  /**
   * An RSJ recovers what its own endpoint lost; an admin recovers it for the RSJ (a receiver that
   * cannot call back itself). An admin's recovery sends the persons' notifications out again on
   * its word, so it is recorded under each person the events are about, and shows in their trails.
   */
  async execute({ subscriptionId, actor, range }: RedeliverWebhookEventsCommand): Promise<{ redelivered: number }> {
    const admin = actor.kind === 'admin';
    if (admin && !actor.scopes?.includes(ADMIN_SCOPE)) throw new ScopeMissingError([ADMIN_SCOPE]);
    const owner = admin ? await this.webhooks.ownerOf(subscriptionId) : actor.agencyId;
    const outcome = owner === undefined ? undefined : await this.webhooks.redeliver(subscriptionId, owner, range);
    if (outcome === undefined) {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    if (admin && outcome.persons.length > 0) {
      await this.accessLog.record({
        outcome: 'granted',
        status: 200,
        actor,
        method: 'POST',
        route: '/webhook-subscriptions/:subscriptionId/redeliver',
        params: { subscriptionId },
        personIds: outcome.persons,
        fields: [],
        reason: `webhook-redelivery:${owner}`,
      });
    }
    return { redelivered: outcome.redelivered };
  }
}
