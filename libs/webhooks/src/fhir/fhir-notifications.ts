import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Parameters, ParametersParameter, Resource, Subscription } from 'fhir/r4';
import type { FhirContent, StoredEvent, WebhookSubscription } from '../delivery/webhook-store';

/** The FHIR Subscriptions R5 Backport IG (STU 1.1), whose profiles and extensions R4 subscriptions use. */
export const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';

export type FhirSubscriptionStatus = 'requested' | 'active' | 'error' | 'off';
export type NotificationType = 'handshake' | 'heartbeat' | 'event-notification' | 'query-status' | 'query-event';

/** What a notification needs of an event: the CloudEvent as it was enqueued. */
export interface NotifiedEvent {
  sequence: number;
  cloudEvent: { time?: string } & Record<string, unknown>;
  enqueuedAt: Date;
}

/**
 * A service's subscription topic: what its events are about in FHIR terms, and the resources
 * behind them. The notification mechanics (numbers, statuses, bundles) are this module's.
 */
export interface FhirTopic {
  /** The canonical URL a Subscription names as its criteria. */
  readonly url: string;
  /** The service's FHIR base, absolute: the fullUrl of each resource is made from it. */
  readonly baseUrl: string;
  /** The event's focus and further context, as relative references (`Task/<id>`). */
  focusOf(event: NotifiedEvent['cloudEvent']): { focus: string; context: string[] };
  /**
   * The resources behind the references as the agency may read them now, for `full-resource`
   * notifications: a disclosure of people's data, which the topic records as a read.
   */
  read(agencyId: string, subscriptionId: string, references: readonly string[]): Promise<Resource[]>;
}

/** What a notification names of its subscription. */
type Notified = Pick<WebhookSubscription, 'id' | 'agencyId' | 'fhirContent' | 'statusReason'>;

/** The subscription's status as FHIR R4 names it. */
export function fhirStatusOf(subscription: WebhookSubscription): FhirSubscriptionStatus {
  if (subscription.status === 'disabled') return subscription.statusReason === 'owner' ? 'off' : 'error';
  return subscription.handshakePending ? 'requested' : 'active';
}

/**
 * Notification bundles of the R4 Backport IG: a `history` Bundle whose first entry is the
 * subscription's status (a Parameters), followed by the events' resources, referenced (`id-only`)
 * or whole (`full-resource`). Event numbers are the subscription's own gapless sequence, kept in
 * the database: they survive restarts, and `events-since-subscription-start` is the number of the
 * last event given to it.
 */
export class FhirNotifications {
  constructor(readonly topic: FhirTopic) {}

  /** The subscription as a FHIR R4 Subscription (Backport IG profile). */
  subscriptionOf(subscription: WebhookSubscription): Subscription {
    const status = fhirStatusOf(subscription);
    return {
      resourceType: 'Subscription',
      id: subscription.id,
      meta: { profile: [`${BACKPORT}/backport-subscription`] },
      status,
      reason: 'Referrals addressed to this RSJ',
      criteria: this.topic.url,
      ...(status === 'error' && subscription.statusReason && { error: subscription.statusReason }),
      channel: {
        type: 'rest-hook',
        endpoint: subscription.url ?? '',
        payload: 'application/fhir+json',
        _payload: {
          extension: [
            { url: `${BACKPORT}/backport-payload-content`, valueCode: subscription.fhirContent ?? 'id-only' },
          ],
        },
        ...(subscription.heartbeatSeconds !== null && {
          extension: [
            { url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: subscription.heartbeatSeconds },
          ],
        }),
      },
    };
  }

  /** A handshake or heartbeat: the status and the count so far, no event. */
  control(kind: 'handshake' | 'heartbeat', subscription: WebhookSubscription): string {
    const status: FhirSubscriptionStatus = kind === 'handshake' ? 'requested' : fhirStatusOf(subscription);
    return JSON.stringify(this.bundle(subscription, kind, status, subscription.lastSequence, [], []));
  }

  /** The notification of one event to an active subscription, as its content asks. */
  async eventNotification(subscription: Notified, event: NotifiedEvent): Promise<string> {
    const content = subscription.fhirContent ?? 'id-only';
    const resources = await this.resourcesOf(subscription, [event], content);
    return JSON.stringify(
      this.bundle(subscription, 'event-notification', 'active', event.sequence, [event], resources, content),
    );
  }

  /** `$status`: the subscription's status now, as a searchset of one status Parameters. */
  status(subscription: WebhookSubscription): Bundle {
    const parameters = this.statusParameters(
      subscription,
      'query-status',
      fhirStatusOf(subscription),
      subscription.lastSequence,
      [],
      'empty',
    );
    return {
      resourceType: 'Bundle',
      id: randomUUID(),
      type: 'searchset',
      total: 1,
      entry: [{ fullUrl: `urn:uuid:${parameters.id}`, resource: parameters, search: { mode: 'match' } }],
    };
  }

  /** `$events`: the stored events asked for, in one `query-event` notification bundle. */
  async events(
    subscription: WebhookSubscription,
    stored: readonly StoredEvent[],
    content: FhirContent,
  ): Promise<Bundle> {
    const events = stored.map((event) => ({
      sequence: event.sequence,
      cloudEvent: JSON.parse(event.payload) as NotifiedEvent['cloudEvent'],
      enqueuedAt: event.enqueuedAt,
    }));
    const resources = await this.resourcesOf(subscription, events, content);
    return this.bundle(
      subscription,
      'query-event',
      fhirStatusOf(subscription),
      subscription.lastSequence,
      events,
      resources,
      content,
    );
  }

  private async resourcesOf(
    subscription: Notified,
    events: readonly NotifiedEvent[],
    content: FhirContent,
  ): Promise<{ reference: string; resource?: Resource }[]> {
    if (content === 'empty') return [];
    const references = [
      ...new Set(
        events.flatMap((event) => {
          const { focus, context } = this.topic.focusOf(event.cloudEvent);
          return [focus, ...context];
        }),
      ),
    ];
    if (content === 'id-only') return references.map((reference) => ({ reference }));
    const read = await this.topic.read(subscription.agencyId, subscription.id, references);
    const byReference = new Map(read.map((resource) => [`${resource.resourceType}/${resource.id}`, resource]));
    return references.map((reference) => ({ reference, resource: byReference.get(reference) }));
  }

  private bundle(
    subscription: Notified,
    type: NotificationType,
    status: FhirSubscriptionStatus,
    eventsSinceStart: number,
    events: readonly NotifiedEvent[],
    resources: readonly { reference: string; resource?: Resource }[],
    content: FhirContent = 'empty',
  ): Bundle {
    const parameters = this.statusParameters(subscription, type, status, eventsSinceStart, events, content);
    const entries: BundleEntry[] = resources.map(({ reference, resource }) => ({
      fullUrl: `${this.topic.baseUrl}/${reference}`,
      ...(resource && { resource }),
      request: { method: 'GET', url: reference },
      // A resource the agency may no longer read is referenced, not carried (the IG's rule for it).
      response: { status: resource || content !== 'full-resource' ? '200' : '404' },
    }));
    return {
      resourceType: 'Bundle',
      id: randomUUID(),
      meta: { profile: [`${BACKPORT}/backport-subscription-notification-r4`] },
      type: 'history',
      timestamp: new Date().toISOString(),
      entry: [
        {
          fullUrl: `urn:uuid:${parameters.id}`,
          resource: parameters,
          request: { method: 'GET', url: `Subscription/${subscription.id}/$status` },
          response: { status: '200' },
        },
        ...entries,
      ],
    };
  }

  private statusParameters(
    subscription: Notified,
    type: NotificationType,
    status: FhirSubscriptionStatus,
    eventsSinceStart: number,
    events: readonly NotifiedEvent[],
    content: FhirContent,
  ): Parameters & { id: string } {
    const parameter: ParametersParameter[] = [
      { name: 'subscription', valueReference: { reference: `${this.topic.baseUrl}/Subscription/${subscription.id}` } },
      // The IG: no topic in an `empty` notification, for what it would tell.
      ...(content !== 'empty' || type !== 'event-notification'
        ? [{ name: 'topic', valueCanonical: this.topic.url }]
        : []),
      { name: 'status', valueCode: status },
      { name: 'type', valueCode: type },
      { name: 'events-since-subscription-start', valueString: String(eventsSinceStart) },
      ...events.map((event) => {
        const { focus, context } = this.topic.focusOf(event.cloudEvent);
        return {
          name: 'notification-event',
          part: [
            { name: 'event-number', valueString: String(event.sequence) },
            { name: 'timestamp', valueInstant: event.cloudEvent.time ?? event.enqueuedAt.toISOString() },
            ...(content !== 'empty'
              ? [
                  { name: 'focus', valueReference: { reference: focus } },
                  ...context.map((reference) => ({ name: 'additional-context', valueReference: { reference } })),
                ]
              : []),
          ],
        };
      }),
      ...(status === 'error' && subscription.statusReason
        ? [{ name: 'error', valueCodeableConcept: { text: subscription.statusReason } }]
        : []),
    ];
    return {
      resourceType: 'Parameters',
      id: randomUUID(),
      meta: { profile: [`${BACKPORT}/backport-subscription-status-r4`] },
      parameter,
    };
  }
}
