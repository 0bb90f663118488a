import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import pino from 'pino';
import { WebhookDispatcher } from '@lintas/webhooks/delivery/webhook-dispatcher';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { WebhookSettings } from '@lintas/webhooks/nest/webhooks.module';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import {
  oncePerWebhookId as unique,
  verifiesV1a,
  WebhookReceiver,
  webhookHeadersOf as headersOf,
  type ReceivedDelivery as Delivery,
} from '@lintas/testing/webhooks/webhook-receiver';
import { HEALTH_LIAISON_SERVICE } from './health-liaison.service-definition';

/**
 * Webhooks and the referral feed of health-liaison on PostgreSQL (pg-log): real HTTP receivers on
 * this machine check every delivery as an RSJ's system would, with the standardwebhooks library
 * for `v1` and Ed25519 (node:crypto; standardwebhooks 1.3.0 has no `v1a`) for `v1a`.
 */
const infra = useRealInfrastructure();

const SETTINGS = { WEBHOOK_RETRY_SCHEDULE: '0,0.05,0.05,0.05,0.05', WEBHOOK_POLL_MS: '50' };
const office = agency('dinas-sosial', 'dinsos-3571', '3571');

let tier: ApplicationTier;
let service: ServiceUnderTest;

beforeAll(async () => {
  tier = await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC, SETTINGS);
  service = tier.service;
});

async function refer(rsjId: string, personId = randomUUID()): Promise<{ referralId: string; personId: string }> {
  const requested = await service.as(office).post('/referrals', {
    caseId: randomUUID(),
    personId,
    rsjId,
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi' },
  });
  expect(requested.status).toBe(201);
  return { referralId: requested.body.id, personId };
}

const sequences = (deliveries: Delivery[]) => deliveries.map((d) => Number(d.event.sequence));

describe('webhooks of referral events', () => {
  it('delivers every referral event of its RSJ, signed, once per webhook-id, numbered without a gap, in order per person', async () => {
    const rsj = agency('rsj', 'rsj-wh-1', '3507');
    const v1 = await WebhookReceiver.start((close) => infra.defer(close));
    const v1a = await WebhookReceiver.start((close) => infra.defer(close));
    const making = { url: v1.url, signature: 'v1' };
    const hmac = await service.as(rsj).post('/webhook-subscriptions', making, { idempotencyKey: 'make-v1' });
    expect(hmac.status).toBe(201);
    expect(hmac.body).toMatchObject({ status: 'active', signature: 'v1', secret: expect.stringMatching(/^whsec_/) });
    // The secret is shown once: a retry replays the subscription without it, and no table keeps it.
    const retried = await service.as(rsj).post('/webhook-subscriptions', making, { idempotencyKey: 'make-v1' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ id: hmac.body.id, signature: 'v1' });
    expect(retried.body.secret).toBeUndefined();
    const { rows: kept } = await service.app
      .get(Pool)
      .query(`SELECT 1 FROM health_liaison.idempotency_keys WHERE body::text LIKE '%whsec_%'`);
    expect(kept).toEqual([]);
    const ed = await service.as(rsj).post('/webhook-subscriptions', { url: v1a.url });
    expect(ed.body).toMatchObject({ signature: 'v1a', publicKey: expect.stringMatching(/^whpk_/) });
    expect(ed.body.secret).toBeUndefined();

    const first = await refer(rsj.agencyId);
    const second = await refer(rsj.agencyId);
    expect((await service.as(rsj).post(`/referrals/${first.referralId}/accept`, {})).status).toBe(201);
    expect((await service.as(rsj).post(`/referrals/${second.referralId}/decline`, { reason: 'no-bed' })).status).toBe(
      201,
    );

    for (const receiver of [v1, v1a]) {
      await eventually(
        async () => unique(receiver.accepted),
        (found) => found.length === 4,
      );
    }
    const verifier = new Webhook(hmac.body.secret);
    for (const delivery of v1.accepted) expect(() => verifier.verify(delivery.body, headersOf(delivery))).not.toThrow();
    for (const delivery of v1a.accepted) expect(verifiesV1a(ed.body.publicKey, delivery)).toBe(true);

    for (const receiver of [v1, v1a]) {
      expect(receiver.accepted).toHaveLength(4);
      expect(sequences(receiver.accepted).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
      for (const person of [first, second]) {
        const theirs = receiver.accepted.filter((d) => d.event.subject === person.personId);
        expect(theirs.map((d) => d.event.type)).toEqual([
          'id.lintas.health-liaison.rsj-referral.requested.v1',
          expect.stringMatching(/rsj-referral\.(accepted|declined)\.v1$/),
        ]);
        expect(Number(theirs[0]?.event.sequence)).toBeLessThan(Number(theirs[1]?.event.sequence));
      }
      expect(receiver.accepted[0]?.event).toMatchObject({
        specversion: '1.0',
        datacontenttype: 'application/json',
        data: { rsjId: rsj.agencyId },
      });
    }
    const listed = await service.as(rsj).get('/webhook-subscriptions');
    expect(listed.body.subscriptions).toHaveLength(2);
    expect(listed.body.subscriptions[0]).toMatchObject({ lastSequence: 4 });
    expect(listed.body.subscriptions[0].secret).toBeUndefined();
  });

  it('never gives another RSJ’s referrals to a subscription, nor shows it another’s subscription', async () => {
    const mine = agency('rsj', 'rsj-wh-2', '3507');
    const other = agency('rsj', 'rsj-wh-3', '3578');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const made = await service.as(other).post('/webhook-subscriptions', { url: receiver.url });
    await refer(mine.agencyId);
    const theirs = await refer(other.agencyId);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length >= 1,
    );
    const feed = await service.as(mine).get('/feeds/referrals?wait=5');
    expect(feed.body.items).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.accepted.map((d) => d.event.data.referralId)).toEqual([theirs.referralId]);
    expect((await service.as(mine).get(`/webhook-subscriptions/${made.body.id}`)).status).toBe(404);
    expect((await service.as(mine).get(`/webhook-subscriptions/${made.body.id}/attempts`)).status).toBe(404);
    expect((await service.as(office).get('/webhook-subscriptions')).status).toBe(403);
  });

  it('retries a receiver that fails three times, holding that person’s later events only, and records each attempt', async () => {
    const rsj = agency('rsj', 'rsj-wh-4', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const stuck = randomUUID();
    let failures = 0;
    receiver.answer = (delivery) => {
      if (delivery.event.subject === stuck && failures < 3) {
        failures += 1;
        return 500;
      }
      return 200;
    };
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    const held = await refer(rsj.agencyId, stuck);
    await service.as(rsj).post(`/referrals/${held.referralId}/accept`, {});
    const free = await refer(rsj.agencyId);

    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 3,
    );
    const order = receiver.accepted.map((d) => `${d.event.subject === stuck ? 'stuck' : 'free'}:${d.event.type}`);
    expect(order.filter((o) => o.startsWith('stuck'))).toEqual([
      'stuck:id.lintas.health-liaison.rsj-referral.requested.v1',
      'stuck:id.lintas.health-liaison.rsj-referral.accepted.v1',
    ]);
    // The other person's event did not wait for the failing one.
    expect(order[0]).toBe('free:id.lintas.health-liaison.rsj-referral.requested.v1');
    expect(receiver.accepted[0]?.event.subject).toBe(free.personId);
    // An attempt is recorded once its answer is in: the receiver may have it a moment before.
    const attempts = await eventually(
      () => service.as(rsj).get(`/webhook-subscriptions/${made.body.id}/attempts`),
      (reply) => reply.body.attempts?.filter((a: Json) => a.outcome === 'delivered').length === 3,
    );
    expect(attempts.status).toBe(200);
    const ofStuck = attempts.body.attempts
      .filter((a: Json) => a.sequence === 1)
      .sort((a: Json, b: Json) => a.attempt - b.attempt);
    expect(ofStuck.map((a: Json) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'retry'],
      [2, 500, 'retry'],
      [3, 500, 'retry'],
      [4, 200, 'delivered'],
    ]);
    expect(ofStuck[0]).toMatchObject({ latencyMs: expect.any(Number), at: expect.any(String) });
    const ids = receiver.received.filter((d) => d.event.sequence === '1').map((d) => d.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
  });

  it('disables a subscription whose receiver answers 410, keeping what waits, and sends it once enabled again', async () => {
    const rsj = agency('rsj', 'rsj-wh-5', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    receiver.answer = () => 410;
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    await refer(rsj.agencyId);
    const disabled = await eventually(
      () => service.as(rsj).get(`/webhook-subscriptions/${made.body.id}`),
      (reply) => reply.body.status === 'disabled',
    );
    expect(disabled.body).toMatchObject({ status: 'disabled', statusReason: 'gone' });
    await refer(rsj.agencyId);
    receiver.answer = () => 200;
    const enabled = await service.as(rsj).post(`/webhook-subscriptions/${made.body.id}/status`, { status: 'active' });
    expect(enabled.body).toMatchObject({ status: 'active', statusReason: null });
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 2,
    );
    expect(sequences(receiver.accepted)).toEqual([1, 2]);
  });

  it('serves the same events with the same numbers as a pull feed, long-polling for the next', async () => {
    const rsj = agency('rsj', 'rsj-wh-6', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 1,
    );
    const feed = await service.as(rsj).get(`/feeds/referrals?subscriptionId=${made.body.id}&after=0`);
    expect(feed.body).toMatchObject({ subscriptionId: made.body.id, next: 1 });
    expect(feed.body.items.map((i: Json) => [i.sequence, i.event.id])).toEqual([[1, receiver.accepted[0]?.event.id]]);
    expect(JSON.stringify(feed.body.items[0].event)).toBe(receiver.accepted[0]?.body);

    const own = await service.as(rsj).get('/feeds/referrals');
    expect(own.body.items.map((i: Json) => i.sequence)).toEqual([1]);
    const started = Date.now();
    const waiting = service.as(rsj).get(`/feeds/referrals?after=${own.body.next}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await refer(rsj.agencyId);
    const answered = await waiting;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(answered.body.items).toEqual([
      expect.objectContaining({
        sequence: 2,
        personId: next.personId,
        event: expect.objectContaining({ sequence: '2' }),
      }),
    ]);
    const empty = Date.now();
    const nothing = await service.as(rsj).get(`/feeds/referrals?after=2&wait=1`);
    expect(nothing.body).toMatchObject({ items: [], next: 2 });
    expect(Date.now() - empty).toBeGreaterThanOrEqual(900);
  });

  it('loses nothing when the service stops mid-delivery: numbers continue without a gap after the restart', async () => {
    const rsj = agency('rsj', 'rsj-wh-7', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    receiver.answer = () => 503;
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    await refer(rsj.agencyId);
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.received,
      (found) => found.length >= 1,
    );
    await service.close();
    receiver.answer = () => 200;
    service = await startServiceUnderTest(HEALTH_LIAISON_SERVICE, infra, {
      ...SETTINGS,
      MESSAGING_TRANSPORT: 'pg-log',
    });
    await refer(rsj.agencyId);
    await eventually(
      async () => unique(receiver.accepted),
      (found) => found.length === 3,
    );
    expect(sequences(unique(receiver.accepted)).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    const shown = await service.as(rsj).get(`/webhook-subscriptions/${made.body.id}`);
    expect(shown.body).toMatchObject({ status: 'active', lastSequence: 3 });
  });
  it('signs with both keys while a rotation overlaps, and with the new one only after it', async () => {
    const rsj = agency('rsj', 'rsj-wh-8', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url, signature: 'v1' });
    const old = new Webhook(made.body.secret);
    const overlapping = await service.as(rsj).post(`/webhook-subscriptions/${made.body.id}/rotate-key`, {
      overlapHours: 1,
    });
    expect(overlapping.body).toMatchObject({ keyGeneration: 2, secret: expect.stringMatching(/^whsec_/) });
    expect(overlapping.body.secret).not.toBe(made.body.secret);
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 1,
    );
    const during = receiver.accepted[0];
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => old.verify(during.body, headersOf(during))).not.toThrow();
    expect(() => new Webhook(overlapping.body.secret).verify(during.body, headersOf(during))).not.toThrow();

    const at_once = await service.as(rsj).post(`/webhook-subscriptions/${made.body.id}/rotate-key`, {
      overlapHours: 0,
    });
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 2,
    );
    const after = receiver.accepted[1];
    expect(() => new Webhook(at_once.body.secret).verify(after.body, headersOf(after))).not.toThrow();
    expect(() => new Webhook(overlapping.body.secret).verify(after.body, headersOf(after))).toThrow();
    expect(() => old.verify(after.body, headersOf(after))).toThrow();
  });

  it('waits as long as Retry-After asks after a 429, holding the whole subscription meanwhile', async () => {
    const rsj = agency('rsj', 'rsj-wh-9', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    receiver.answer = (_delivery, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '2' } } : 200);
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.received,
      (found) => found.length === 1,
    );
    // Another person's event: a slowed subscription holds it too, not only the throttled person's.
    await refer(rsj.agencyId);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 2,
    );
    const first = receiver.received[0].at;
    expect(receiver.received.slice(1).every((d) => d.at - first >= 1_900)).toBe(true);
    const attempts = await eventually(
      () => service.as(rsj).get(`/webhook-subscriptions/${made.body.id}/attempts`),
      (reply) => reply.body.attempts?.length === 3,
    );
    expect(attempts.body.attempts.map((a: Json) => [a.sequence, a.statusCode, a.outcome]).reverse()).toEqual([
      [1, 429, 'retry'],
      expect.arrayContaining([200, 'delivered']),
      expect.arrayContaining([200, 'delivered']),
    ]);
  });

  it('sends each delivery once with two dispatchers leasing the same queue', async () => {
    const rsj = agency('rsj', 'rsj-wh-10', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const settings = service.app.get(WebhookSettings);
    const second = new WebhookDispatcher(
      service.app.get(WebhookStore),
      {
        scheduleMs: [0, 50, 50, 50],
        pollMs: 20,
        timeoutMs: 5_000,
        requireHttps: false,
        allowPrivateNetworks: true,
        installationKey: settings.installationKey,
        batch: 2,
      },
      pino({ level: 'silent' }),
    );
    second.start();
    infra.defer(() => second.stop());
    // A slow receiver keeps leases open while the other dispatcher looks for work.
    receiver.answer = () => {
      const until = Date.now() + 20;
      while (Date.now() < until);
      return 200;
    };
    await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    await Promise.all(Array.from({ length: 20 }, () => refer(rsj.agencyId)));
    await eventually(
      async () => receiver.accepted,
      (found) => found.length >= 20,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(20);
    expect(sequences(receiver.accepted).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('sends a range again on request, with its numbers and webhook-ids, and forgets deliveries past retention', async () => {
    const rsj = agency('rsj', 'rsj-wh-11', '3507');
    const receiver = await WebhookReceiver.start((close) => infra.defer(close));
    const made = await service.as(rsj).post('/webhook-subscriptions', { url: receiver.url });
    const referred = [];
    for (let i = 0; i < 3; i += 1) referred.push(await refer(rsj.agencyId));
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 3,
    );
    const again = await service
      .as(rsj)
      .post(`/webhook-subscriptions/${made.body.id}/redeliver`, { fromSequence: 2, toSequence: 3 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ redelivered: 2 });
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 5,
    );
    const resent = receiver.accepted.slice(3);
    expect(sequences(resent).sort()).toEqual([2, 3]);
    for (const delivery of resent) {
      const first = receiver.accepted.find((d) => d.event.sequence === delivery.event.sequence);
      expect(delivery.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    }
    const other = agency('rsj', 'rsj-wh-12', '3507');
    expect((await service.as(other).post(`/webhook-subscriptions/${made.body.id}/redeliver`, {})).status).toBe(404);

    // An admin sees every RSJ's subscriptions and recovers a range for the RSJ, recorded under
    // each person whose notification goes out again.
    const admin = agency('admin', 'lintas-admin', '35');
    const listed = await service.as(admin).get('/webhook-subscriptions');
    expect(listed.status).toBe(200);
    expect(listed.body.subscriptions).toEqual(expect.arrayContaining([expect.objectContaining({ id: made.body.id })]));
    const byAdmin = await service
      .as(admin)
      .post(`/webhook-subscriptions/${made.body.id}/redeliver`, { fromSequence: 3 });
    expect(byAdmin.body).toEqual({ redelivered: 1 });
    // The person of notification 3: numbered in the order the feed met the referrals, which need not
    // be the order they were made in (each person's events are in order, not those of different persons).
    const personOfThird = receiver.accepted.find((d) => Number(d.event.sequence) === 3)?.event.subject;
    expect(referred.map((r) => r.personId)).toContain(personOfThird);
    const records = await service.app.get(Pool).query<{ agency_id: string; person_ids: string[]; reason: string }>(
      `SELECT agency_id, person_ids::text[], reason FROM health_liaison.access_records
          WHERE route = '/webhook-subscriptions/:subscriptionId/redeliver' AND params->>'subscriptionId' = $1`,
      [made.body.id],
    );
    expect(records.rows).toEqual([
      { agency_id: 'lintas-admin', person_ids: [personOfThird], reason: 'webhook-redelivery:rsj-wh-11' },
    ]);
    await eventually(
      async () => receiver.accepted,
      (found) => found.length === 6,
    );

    const store = service.app.get(WebhookStore);
    expect(await store.removeExpired(3_600_000)).toBe(0);
    await store.removeExpired(0);
    expect(await store.events(made.body.id, 1, 3, 10)).toEqual([]);
  });
});
