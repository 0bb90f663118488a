import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { WebhookSubscriptionView } from '../../application/webhook-subscription.view';
import { ChangeWebhookSubscriptionStatusCommand } from './change-webhook-subscription-status.command';
import { ChangeWebhookSubscriptionStatusRequest } from './change-webhook-subscription-status.request.dto';

@Controller('webhook-subscriptions')
export class ChangeWebhookSubscriptionStatusController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The owner disables its subscription, or enables it again (also after a 410 or spent retries). */
  @Post(':subscriptionId/status')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionView, description: 'The subscription with its new status.' })
  @Allow('rsj')
  change(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Body() body: ChangeWebhookSubscriptionStatusRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WebhookSubscriptionView> {
    return this.commands.execute(
      new ChangeWebhookSubscriptionStatusCommand(subscriptionId, actor.agencyId, body.status),
    );
  }
}
