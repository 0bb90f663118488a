import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
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

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: Json;
}

/** An RSJ's receiving system: answers as `answer` says, and keeps what it accepted. */
class Receiver {
  readonly accepted: Delivery[] = [];
  readonly received: Delivery[] = [];
  answer: (delivery: Delivery, index: number) => number = () => 204;
  private server!: Server;
  url = '';

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery = { headers: request.headers, body, event: JSON.parse(body) };
        receiver.received.push(delivery);
        const status = receiver.answer(delivery, receiver.received.length - 1);
        if (status >= 200 && status < 300) receiver.accepted.push(delivery);
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}/lintas`;
    infra.defer(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));
    return receiver;
  }
}

const headersOf = (delivery: Delivery): Record<string, string> => ({
  'webhook-id': String(delivery.headers['webhook-id']),
  'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
  'webhook-signature': String(delivery.headers['webhook-signature']),
});

function verifiesV1a(publicKey: string, delivery: Delivery): boolean {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey.slice(5), 'base64')]),
    format: 'der',
    type: 'spki',
  });
  const headers = headersOf(delivery);
  const content = Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${delivery.body}`);
  return headers['webhook-signature']
    .split(' ')
    .some(
      (signature) =>
        signature.startsWith('v1a,') && verify(null, content, key, Buffer.from(signature.slice(4), 'base64')),
    );
}

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
const unique = (deliveries: Delivery[]) => [...new Map(deliveries.map((d) => [d.headers['webhook-id'], d])).values()];

describe('webhooks of referral events', () => {
  it('delivers every referral event of its RSJ, signed, once per webhook-id, numbered without a gap, in order per person', async () => {
    const rsj = agency('rsj', 'rsj-wh-1', '3507');
    const v1 = await Receiver.start();
    const v1a = await Receiver.start();
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
    const receiver = await Receiver.start();
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
    const receiver = await Receiver.start();
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
    const attempts = await service.as(rsj).get(`/webhook-subscriptions/${made.body.id}/attempts`);
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
    const receiver = await Receiver.start();
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
    const receiver = await Receiver.start();
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
    const receiver = await Receiver.start();
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
});
