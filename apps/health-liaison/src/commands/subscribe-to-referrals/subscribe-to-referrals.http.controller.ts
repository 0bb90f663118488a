import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { ShownOnce } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { NewId } from '@lintas/platform/http/request-context';
import { WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';
import { SubscribeToReferralsCommand } from './subscribe-to-referrals.command';
import { SubscribeToReferralsRequest } from './subscribe-to-referrals.request.dto';

@Controller('webhook-subscriptions')
export class SubscribeToReferralsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * An RSJ subscribes its system to the referrals addressed to it: each event is POSTed to the URL,
   * signed per Standard Webhooks, in order per person, numbered without a gap. A `v1` secret is in
   * this answer only.
   */
  @Post()
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretView, description: 'The subscription, active.' })
  @Allow('rsj')
  @ShownOnce('secret')
  subscribe(
    @Body() body: SubscribeToReferralsRequest,
    @Actor() actor: AgencyActor,
    @NewId('webhook-subscription') subscriptionId: string,
  ): Promise<WebhookSubscriptionWithSecretView> {
    return this.commands.execute(
      new SubscribeToReferralsCommand(
        subscriptionId,
        actor.agencyId,
        body.url,
        body.events ?? [],
        body.signature ?? 'v1a',
        body.payloadForm === 'fhir-bundle'
          ? { payloadForm: 'fhir-bundle', fhirContent: 'full-resource' }
          : { payloadForm: 'cloudevents-json' },
      ),
    );
  }
}
