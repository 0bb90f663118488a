import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { RedeliverWebhookEventsCommand } from './redeliver-webhook-events.command';
import { RedeliverWebhookEventsRequest, RedeliverWebhookEventsResponse } from './redeliver-webhook-events.request.dto';

@Controller('webhook-subscriptions')
export class RedeliverWebhookEventsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * A receiver that lost what it had acknowledged recovers a range: the delivered events in it are
   * sent again, in order per person, with their numbers and `webhook-id`s unchanged. Reaches back
   * as far as deliveries are kept (WEBHOOK_RETENTION_DAYS). An admin (`lintas.admin`) may do it for
   * any RSJ's subscription; it is recorded in the trail of every person whose events go out again.
   */
  @Post(':subscriptionId/redeliver')
  @HttpCode(200)
  @ApiOkResponse({ type: RedeliverWebhookEventsResponse, description: 'How many events were queued again.' })
  @Allow('rsj', 'admin')
  redeliver(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Body() body: RedeliverWebhookEventsRequest,
    @Actor() actor: AgencyActor,
  ): Promise<{ redelivered: number }> {
    return this.commands.execute(new RedeliverWebhookEventsCommand(subscriptionId, actor, { ...body }));
  }
}
