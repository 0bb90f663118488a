import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookAttemptsQuery } from './webhook-attempts.request.dto';
import { WebhookAttemptsResponse } from './webhook-attempts.response.dto';

@Controller('webhook-subscriptions')
export class WebhookAttemptsController {
  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  /** Every attempt to deliver to the caller's subscription, newest first. */
  @Get(':subscriptionId/attempts')
  @ApiOkResponse({ type: WebhookAttemptsResponse, description: 'The attempts, newest first.' })
  @Allow('rsj')
  async list(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Query() query: WebhookAttemptsQuery,
    @Actor() actor: AgencyActor,
  ): Promise<WebhookAttemptsResponse> {
    const subscription = await this.webhooks.find(subscriptionId, actor.agencyId);
    if (!subscription || subscription.kind !== 'webhook') {
      throw new DomainError('webhook-subscription.not-found', 'no such webhook subscription', 'not-found');
    }
    return { attempts: await this.webhooks.attempts(subscriptionId, query.limit ?? 100, query.before) };
  }
}
