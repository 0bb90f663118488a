import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ScopeMissingError } from '@lintas/platform/http/problems/http-errors';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookSettings } from '@lintas/webhooks/nest/webhooks.module';
import { subscriptionView, WebhookSubscriptionView } from '../../application/webhook-subscription.view';
import { WebhookSubscriptionsResponse } from './webhook-subscriptions.response.dto';

@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(WebhookSettings) private readonly settings: WebhookSettings,
  ) {}

  /**
   * The caller's own webhook subscriptions, with their status and last sequence number; to an admin
   * (`lintas.admin`), every RSJ's, to look after deliveries.
   */
  @Get()
  @ApiOkResponse({ type: WebhookSubscriptionsResponse, description: "The caller's webhook subscriptions." })
  @Allow('rsj', 'admin')
  async list(@Actor() actor: AgencyActor): Promise<WebhookSubscriptionsResponse> {
    if (actor.kind === 'admin' && !actor.scopes?.includes(ADMIN_SCOPE)) throw new ScopeMissingError([ADMIN_SCOPE]);
    const subscriptions =
      actor.kind === 'admin' ? await this.webhooks.all() : await this.webhooks.ofAgency(actor.agencyId);
    return { subscriptions: subscriptions.map((s) => subscriptionView(s, this.settings.installationKey)) };
  }

  @Get(':subscriptionId')
  @ApiOkResponse({ type: WebhookSubscriptionView, description: 'One of the caller’s webhook subscriptions.' })
  @Allow('rsj')
  async show(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Actor() actor: AgencyActor,
  ): Promise<WebhookSubscriptionView> {
    const subscription = await this.webhooks.find(subscriptionId, actor.agencyId);
    if (!subscription || subscription.kind !== 'webhook') {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    return subscriptionView(subscription, this.settings.installationKey);
  }
}
