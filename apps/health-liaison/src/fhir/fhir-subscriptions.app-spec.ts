import { randomUUID } from 'node:crypto';
import type { Bundle, Parameters, Subscription } from 'fhir/r4';
import { Pool } from 'pg';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest } from '@lintas/testing/service/service-under-test';
import {
  oncePerWebhookId,
  verifiesV1a,
  WebhookReceiver,
  type ReceivedDelivery,
} from '@lintas/testing/webhooks/webhook-receiver';
import { HEALTH_LIAISON_SERVICE } from '../health-liaison.service-definition';
import { RSJ_REFERRAL_TOPIC } from './referral.fhir';

/**
 * An RSJ's FHIR client subscribing to its referrals as the R4 Subscriptions Backport IG describes:
 * a handshake before any event, heartbeats, event notifications whose numbers run on across a
 * restart, a truthful `$status`, and `$events` giving back what the endpoint missed.
 */
const infra = useRealInfrastructure();

const SETTINGS = { WEBHOOK_RETRY_SCHEDULE: '0,0.05,0.05', WEBHOOK_POLL_MS: '50' };
const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';
const office = agency('dinas-sosial', 'dinsos-3571', '3571');

let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC, SETTINGS);
});

function subscription(endpoint: string, content: string, heartbeatSeconds?: number): Subscription {
  return {
    resourceType: 'Subscription',
    status: 'requested',
    reason: 'rujukan untuk RSJ kami',
    criteria: RSJ_REFERRAL_TOPIC,
    channel: {
      type: 'rest-hook',
      endpoint,
      payload: 'application/fhir+json',
      _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: content }] },
      ...(heartbeatSeconds && {
        extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: heartbeatSeconds }],
      }),
    },
  };
}

async function refer(rsjId: string): Promise<{ referralId: string; personId: string }> {
  const personId = randomUUID();
  const requested = await tier.service.as(office).post('/referrals', {
    caseId: randomUUID(),
    personId,
    rsjId,
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi' },
    letter: { reason: 'gelisah, tidak tidur', workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' } },
  });
  expect(requested.status).toBe(201);
  return { referralId: requested.body.id, personId };
}

/** The status Parameters of a notification bundle as name → value (parts of each notification-event apart). */
function statusOf(bundle: Bundle) {
  const parameters = bundle.entry?.[0]?.resource as Parameters;
  const value = (name: string) => {
    const found = parameters.parameter?.find((p) => p.name === name);
    return found?.valueCode ?? found?.valueString ?? found?.valueCanonical ?? found?.valueReference?.reference;
  };
  const events = (parameters.parameter ?? [])
    .filter((p) => p.name === 'notification-event')
    .map((p) => ({
      number: Number(p.part?.find((part) => part.name === 'event-number')?.valueString),
      focus: p.part?.find((part) => part.name === 'focus')?.valueReference?.reference,
    }));
  return {
    type: value('type'),
    status: value('status'),
    since: Number(value('events-since-subscription-start')),
    topic: value('topic'),
    subscription: value('subscription'),
    events,
  };
}

const notifications = (receiver: WebhookReceiver, type: string): ReceivedDelivery[] =>
  oncePerWebhookId(receiver.accepted).filter((d) => statusOf(d.event as Bundle).type === type);

describe('FHIR subscriptions to the referral topic', () => {
  it('shakes hands first, then notifies each referral event as a numbered bundle, with heartbeats between', async () => {
    const rsj = agency('rsj', 'rsj-fhir-sub-1', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const id = randomUUID();
    const made = await tier.service
      .as(rsj)
      .put<Subscription>(`/fhir/Subscription/${id}`, subscription(receiver.url, 'id-only', 1));
    expect(made.status).toBe(201);
    expect(made.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(made.body).toMatchObject({ id, criteria: RSJ_REFERRAL_TOPIC, channel: { type: 'rest-hook' } });
    const again = await tier.service
      .as(rsj)
      .put<Subscription>(`/fhir/Subscription/${id}`, subscription(receiver.url, 'id-only', 1));
    expect(again.status).toBe(200);

    await eventually(
      async () => notifications(receiver, 'handshake'),
      (found) => found.length === 1,
    );
    const handshake = statusOf(notifications(receiver, 'handshake')[0].event as Bundle);
    expect(handshake).toMatchObject({ status: 'requested', since: 0, topic: RSJ_REFERRAL_TOPIC });
    expect(handshake.subscription).toMatch(new RegExp(`/fhir/Subscription/${id}$`));
    await eventually(
      () => tier.service.as(rsj).get<Subscription>(`/fhir/Subscription/${id}`),
      (read) => read.body.status === 'active',
    );

    const first = await refer(rsj.agencyId);
    expect((await tier.service.as(rsj).post(`/referrals/${first.referralId}/accept`, {})).status).toBe(201);
    await eventually(
      async () => notifications(receiver, 'event-notification'),
      (found) => found.length === 2,
    );
    const events = notifications(receiver, 'event-notification').map((d) => d.event as Bundle);
    expect(events.map((bundle) => statusOf(bundle).events)).toEqual([
      [{ number: 1, focus: `Task/${first.referralId}` }],
      [{ number: 2, focus: `Task/${first.referralId}` }],
    ]);
    expect(events.map((bundle) => statusOf(bundle).since)).toEqual([1, 2]);
    for (const bundle of events) {
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'history' });
      // id-only: referenced, not carried.
      expect(bundle.entry?.slice(1).map((e) => [e.request?.url, e.resource])).toEqual([
        [`Task/${first.referralId}`, undefined],
        [`ServiceRequest/${first.referralId}`, undefined],
      ]);
    }
    const heartbeat = await eventually(
      async () => notifications(receiver, 'heartbeat'),
      (found) => found.some((d) => statusOf(d.event as Bundle).since === 2),
    );
    expect(statusOf(heartbeat.at(-1)?.event as Bundle)).toMatchObject({ status: 'active', events: [] });

    const listed = await tier.service.as(rsj).get(`/webhook-subscriptions/${id}`);
    expect(listed.body).toMatchObject({ payloadForm: 'fhir-bundle', fhirContent: 'id-only', handshakePending: false });
    for (const delivery of receiver.accepted) expect(verifiesV1a(listed.body.publicKey, delivery)).toBe(true);
    const other = agency('rsj', 'rsj-fhir-sub-2', '3578');
    expect((await tier.service.as(other).get(`/fhir/Subscription/${id}`)).status).toBe(404);
    expect((await tier.service.as(other).get(`/fhir/Subscription/${id}/$status`)).status).toBe(404);
  });

  it('carries the Task and ServiceRequest whole for full-resource, and records the disclosure as a read', async () => {
    const rsj = agency('rsj', 'rsj-fhir-sub-3', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const id = randomUUID();
    await tier.service.as(rsj).put(`/fhir/Subscription/${id}`, subscription(receiver.url, 'full-resource'));
    await eventually(
      () => tier.service.as(rsj).get<Subscription>(`/fhir/Subscription/${id}`),
      (read) => read.body.status === 'active',
    );
    const referral = await refer(rsj.agencyId);
    const [notified] = await eventually(
      async () => notifications(receiver, 'event-notification'),
      (found) => found.length === 1,
    );
    const bundle = notified.event as Bundle;
    expect(bundle.entry?.slice(1).map((e) => e.resource && [e.resource.resourceType, e.resource.id])).toEqual([
      ['Task', referral.referralId],
      ['ServiceRequest', referral.referralId],
    ]);
    expect(bundle.entry?.[2]?.resource).toMatchObject({ reasonCode: [{ text: 'gelisah, tidak tidur' }] });
    const { rows } = await tier.service.app
      .get(Pool)
      .query(`SELECT agency_id, client_id, person_ids FROM health_liaison.access_records WHERE client_id = $1`, [
        `webhook-subscription:${id}`,
      ]);
    expect(rows).toEqual([
      { agency_id: rsj.agencyId, client_id: `webhook-subscription:${id}`, person_ids: [referral.personId] },
    ]);
  });

  it('keeps its numbers across a restart, tells its status truly, and gives back what the endpoint missed through $events', async () => {
    const rsj = agency('rsj', 'rsj-fhir-sub-4', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const id = randomUUID();
    await tier.service.as(rsj).put(`/fhir/Subscription/${id}`, subscription(receiver.url, 'id-only'));
    await eventually(
      () => tier.service.as(rsj).get<Subscription>(`/fhir/Subscription/${id}`),
      (read) => read.body.status === 'active',
    );
    const first = await refer(rsj.agencyId);
    await eventually(
      async () => notifications(receiver, 'event-notification'),
      (found) => found.length === 1,
    );
    // The endpoint goes away: its retries are spent and the subscription falls into `error`.
    receiver.answer = () => 503;
    const missed = [await refer(rsj.agencyId), await refer(rsj.agencyId)];
    await eventually(
      () => tier.service.as(rsj).get<Subscription>(`/fhir/Subscription/${id}`),
      (read) => read.body.status === 'error',
    );
    await tier.service.close();
    tier.service = await startServiceUnderTest(HEALTH_LIAISON_SERVICE, infra, {
      ...SETTINGS,
      MESSAGING_TRANSPORT: 'pg-log',
    });
    const after = await refer(rsj.agencyId);

    const status = await eventually(
      () => tier.service.as(rsj).get<Bundle>(`/fhir/Subscription/${id}/$status`),
      (read) => statusOf(read.body).since === 4,
    );
    expect(status.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(statusOf(status.body)).toMatchObject({
      type: 'query-status',
      status: 'error',
    });

    const events = await tier.service.as(rsj).get<Bundle>(`/fhir/Subscription/${id}/$events?eventsSinceNumber=2`);
    expect(events.status).toBe(200);
    const queried = statusOf(events.body);
    expect(queried).toMatchObject({ type: 'query-event', since: 4 });
    expect(queried.events).toEqual([
      { number: 2, focus: `Task/${missed[0].referralId}` },
      { number: 3, focus: `Task/${missed[1].referralId}` },
      { number: 4, focus: `Task/${after.referralId}` },
    ]);
    const all = await tier.service
      .as(rsj)
      .get<Bundle>(`/fhir/Subscription/${id}/$events?eventsUntilNumber=1&content=empty`);
    expect(statusOf(all.body).events).toEqual([{ number: 1, focus: undefined }]);
    expect(all.body.entry).toHaveLength(1);
    void first;

    // Enabled again: what waited goes out in order, numbered as before, then the next event.
    receiver.answer = () => 200;
    expect((await tier.service.as(rsj).post(`/webhook-subscriptions/${id}/status`, { status: 'active' })).status).toBe(
      200,
    );
    await eventually(
      async () => notifications(receiver, 'event-notification'),
      (found) => found.length === 4,
    );
    expect(
      notifications(receiver, 'event-notification').map((d) => statusOf(d.event as Bundle).events[0].number),
    ).toEqual([1, 2, 3, 4]);
  });

  it('puts a subscription in error when its endpoint does not answer the handshake, and refuses what it cannot serve', async () => {
    const rsj = agency('rsj', 'rsj-fhir-sub-5', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    receiver.answer = () => 500;
    const id = randomUUID();
    await tier.service.as(rsj).put(`/fhir/Subscription/${id}`, subscription(receiver.url, 'id-only'));
    const failed = await eventually(
      () => tier.service.as(rsj).get<Subscription>(`/fhir/Subscription/${id}`),
      (read) => read.body.status === 'error',
    );
    expect(failed.body.error).toBe('handshake-failed');
    await refer(rsj.agencyId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.map((d) => statusOf(d.event as Bundle).type)).toEqual(['handshake']);

    const refusals: [Json, number, string][] = [
      [
        { ...subscription(receiver.url, 'id-only'), criteria: 'https://example.org/topic' },
        422,
        'subscription.unknown-topic',
      ],
      [
        {
          ...subscription(receiver.url, 'id-only'),
          _criteria: {
            extension: [{ url: `${BACKPORT}/backport-filter-criteria`, valueString: 'Task?status=requested' }],
          },
        },
        422,
        'subscription.filter-not-supported',
      ],
      [{ ...subscription(receiver.url, 'everything') }, 400, 'subscription.invalid'],
      [{ resourceType: 'Patient' }, 400, 'subscription.invalid'],
    ];
    for (const [body, status, code] of refusals) {
      const refused = await tier.service.as(rsj).put(`/fhir/Subscription/${randomUUID()}`, body);
      expect([refused.status, refused.body.resourceType, refused.body.issue[0].details.coding[0].code]).toEqual([
        status,
        'OperationOutcome',
        code,
      ]);
    }
    const taken = await tier.service
      .as(agency('rsj', 'rsj-fhir-sub-6', '3507'))
      .put(`/fhir/Subscription/${id}`, subscription(receiver.url, 'id-only'));
    expect(taken.status).toBe(409);
  });
});
