import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Bundle, Subscription } from 'fhir/r4';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import {
  FHIR_CONTENTS,
  WebhookStore,
  type FhirContent,
  type WebhookSubscription,
} from '@lintas/webhooks/delivery/webhook-store';
import { FhirNotifications } from '@lintas/webhooks/fhir/fhir-notifications';
import { SubscribeToReferralsCommand } from '../commands/subscribe-to-referrals/subscribe-to-referrals.command';
import { FHIR_JSON, FhirOutcomeFilter } from './fhir-outcome.filter';
import { subscriptionRequestOf } from './subscription-request';

/** The most events one `$events` answer holds: a client pages on with `eventsSinceNumber`. */
const EVENTS_PER_ANSWER = 100;

/**
 * FHIR Subscriptions (R4, Subscriptions Backport IG) to the referrals addressed to an RSJ: the
 * same subscriptions, numbers and delivery as the webhooks (docs/architecture.md, "FHIR
 * Subscriptions"), notified as FHIR bundles after a handshake. An RSJ sees only its own.
 */
@Controller('fhir/Subscription')
@UseFilters(FhirOutcomeFilter)
export class FhirSubscriptionsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WebhookStore) private readonly webhooks: WebhookStore,
    @Inject(FhirNotifications) private readonly notifications: FhirNotifications,
  ) {}

  /**
   * Creates the subscription under the client's id (a UUID), `requested` until its endpoint answers
   * the handshake; the same PUT again answers it as it stands.
   */
  @Put(':subscriptionId')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'The Subscription (FHIR R4, Backport IG profile).' })
  async put(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Body() body: Record<string, unknown>,
    @Actor() actor: AgencyActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Subscription> {
    const asked = subscriptionRequestOf(subscriptionId, body);
    const existing = await this.webhooks.find(subscriptionId, actor.agencyId);
    if (existing) {
      const same =
        existing.url === asked.endpoint &&
        existing.fhirContent === asked.content &&
        existing.heartbeatSeconds === (asked.heartbeatSeconds ?? null);
      if (!same) {
        throw new EdgeError(
          409,
          'subscription.immutable',
          'a subscription is not changed: make a new one and disable this one (POST /webhook-subscriptions/:id/status)',
        );
      }
      return this.notifications.subscriptionOf(existing);
    }
    if (await this.webhooks.taken(subscriptionId)) {
      throw new EdgeError(409, 'subscription.id-taken', 'this id is taken: choose another UUID');
    }
    await this.commands.execute(
      new SubscribeToReferralsCommand(subscriptionId, actor.agencyId, asked.endpoint, [], 'v1a', {
        payloadForm: 'fhir-bundle',
        fhirContent: asked.content,
        handshake: true,
        ...(asked.heartbeatSeconds !== undefined && { heartbeatSeconds: asked.heartbeatSeconds }),
      }),
    );
    response.status(201);
    return this.notifications.subscriptionOf(await this.own(subscriptionId, actor));
  }

  /** The RSJ's FHIR subscriptions. */
  @Get()
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'A searchset Bundle of Subscriptions.' })
  async search(@Actor() actor: AgencyActor): Promise<Bundle> {
    const mine = (await this.webhooks.ofAgency(actor.agencyId)).filter((s) => s.payloadForm === 'fhir-bundle');
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: mine.length,
      entry: mine.map((subscription) => ({
        fullUrl: `${this.notifications.topic.baseUrl}/Subscription/${subscription.id}`,
        resource: this.notifications.subscriptionOf(subscription),
        search: { mode: 'match' },
      })),
    };
  }

  @Get(':subscriptionId')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'The Subscription (FHIR R4, Backport IG profile).' })
  async read(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Actor() actor: AgencyActor,
  ): Promise<Subscription> {
    return this.notifications.subscriptionOf(await this.own(subscriptionId, actor));
  }

  /** The status now, with the number of events since the subscription started (`$status`). */
  @Get(':subscriptionId/$status')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'A searchset Bundle holding the status Parameters (Backport IG).' })
  async status(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Actor() actor: AgencyActor,
  ): Promise<Bundle> {
    return this.notifications.status(await this.own(subscriptionId, actor));
  }

  /**
   * Events the subscription was given, by number (both bounds inclusive; at most 100 an answer),
   * whether or not they were delivered, as far back as deliveries are kept (`$events`).
   */
  @Get(':subscriptionId/$events')
  @Allow('rsj')
  @Header('Content-Type', FHIR_JSON)
  @ApiOkResponse({ description: 'A history Bundle: the status Parameters (query-event) and the events.' })
  async events(
    @Param('subscriptionId', new ParseUUIDPipe()) subscriptionId: string,
    @Actor() actor: AgencyActor,
    @Query('eventsSinceNumber') since?: string,
    @Query('eventsUntilNumber') until?: string,
    @Query('content') content?: string,
  ): Promise<Bundle> {
    const subscription = await this.own(subscriptionId, actor);
    const from = eventNumber('eventsSinceNumber', since) ?? 1;
    const to = eventNumber('eventsUntilNumber', until) ?? subscription.lastSequence;
    if (content !== undefined && !(FHIR_CONTENTS as readonly string[]).includes(content)) {
      throw new EdgeError(400, 'subscription.invalid', `content must be one of ${FHIR_CONTENTS.join(', ')}`);
    }
    const stored = await this.webhooks.events(subscriptionId, from, to, EVENTS_PER_ANSWER);
    return this.notifications.events(
      subscription,
      stored,
      (content as FhirContent | undefined) ?? subscription.fhirContent ?? 'id-only',
    );
  }

  private async own(subscriptionId: string, actor: AgencyActor): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.find(subscriptionId, actor.agencyId);
    if (!subscription || subscription.payloadForm !== 'fhir-bundle') {
      throw new DomainError('webhook-subscription.not-found', 'no such subscription', 'not-found');
    }
    return subscription;
  }
}

function eventNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new EdgeError(400, 'subscription.invalid', `${name} must be an event number`);
  return Number(value);
}
