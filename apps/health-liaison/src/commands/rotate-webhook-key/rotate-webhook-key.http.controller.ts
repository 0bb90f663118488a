import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { ShownOnce } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';
import { RotateWebhookKeyCommand } from './rotate-webhook-key.command';
import { RotateWebhookKeyRequest } from './rotate-webhook-key.request.dto';

@Controller('webhook-subscriptions')
export class RotateWebhookKeyController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * A new signing key; during the overlap every delivery carries a signature of each key, so the
   * receiver switches when it likes. A new `v1` secret is in this answer only.
   */
  @Post(':subscriptionId/rotate-key')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretView, description: 'The subscription with its new key.' })
  @ShownOnce('secret')
  @Allow('rsj')
  rotate(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Body() body: RotateWebhookKeyRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WebhookSubscriptionWithSecretView> {
    return this.commands.execute(new RotateWebhookKeyCommand(subscriptionId, actor.agencyId, body.overlapHours ?? 24));
  }
}
