import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { AgencyClient, agency } from '@lintas/testing/http/agency-client';
import { eventually } from '@lintas/testing/eventually';
import { ServiceProcess } from '@lintas/testing/processes/service-process';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import {
  oncePerWebhookId,
  WebhookReceiver,
  webhookHeadersOf,
  type ReceivedDelivery,
} from '@lintas/testing/webhooks/webhook-receiver';

/**
 * The delivering service killed (SIGKILL) while webhooks are on their way, and started again: the
 * RSJ's receiver, checking every delivery with the standardwebhooks package, gets every referral
 * event once per webhook-id, numbered without a gap, each person's in order. A delivery sent but
 * not recorded before the kill is sent again with the same webhook-id, which the receiver drops.
 */
const infra = useRealInfrastructure();
const PERSONS = 30;
const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const rsj = agency('rsj', 'rsj-webhook-crash', '3507');

async function startHealthLiaison(): Promise<ServiceProcess> {
  const process = await ServiceProcess.start('health-liaison', {
    NODE_ENV: 'test',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TOPIC_PREFIX: infra.topics.prefix,
    LOG_LEVEL: 'warn',
    WEBHOOK_RETRY_SCHEDULE: '0,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_TIMEOUT_MS: '1000',
  });
  await process.ready(60_000);
  return process;
}

let healthLiaison: ServiceProcess;

beforeAll(async () => {
  healthLiaison = await startHealthLiaison();
  infra.defer(() => healthLiaison.stop('SIGTERM'));
}, 90_000);

it('delivers every referral event once per webhook-id, in order per person, across a SIGKILL mid-delivery', async () => {
  const receiver = await WebhookReceiver.start((close) => infra.defer(close));
  const made = await new AgencyClient(healthLiaison.url, rsj).post('/webhook-subscriptions', {
    url: receiver.url,
    signature: 'v1',
  });
  expect(made.status).toBe(201);
  const verifier = new Webhook(made.body.secret);
  // A slow receiver: deliveries are in flight, answered or not, when the service is killed.
  receiver.answer = () => new Promise((resolve) => setTimeout(() => resolve(204), 200));

  const referrals = await Promise.all(
    Array.from({ length: PERSONS }, async () => {
      const requested = await new AgencyClient(healthLiaison.url, office).post('/referrals', {
        caseId: randomUUID(),
        personId: randomUUID(),
        rsjId: rsj.agencyId,
        urgency: 'routine',
        guarantee: { kind: 'bpjs-pbi' },
      });
      expect(requested.status).toBe(201);
      const accepted = await new AgencyClient(healthLiaison.url, rsj).post(
        `/referrals/${requested.body.id}/accept`,
        {},
      );
      expect(accepted.status).toBe(201);
      return requested.body.id as string;
    }),
  );
  // Killed once deliveries flow, with most of them still to send.
  await eventually(
    async () => receiver.received,
    (found) => found.length >= 10,
    { timeoutMs: 30_000, everyMs: 5 },
  );
  await healthLiaison.stop('SIGKILL');
  const beforeTheKill = oncePerWebhookId(receiver.accepted).length;
  expect(beforeTheKill).toBeLessThan(2 * PERSONS);

  healthLiaison = await startHealthLiaison();
  const all = await eventually(
    async () => oncePerWebhookId(receiver.accepted),
    (found) => found.length === 2 * PERSONS,
    { timeoutMs: 60_000 },
  );
  for (const delivery of receiver.received) {
    expect(() => verifier.verify(delivery.body, webhookHeadersOf(delivery))).not.toThrow();
  }
  expect(all.map((d) => Number(d.event.sequence)).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 2 * PERSONS }, (_, i) => i + 1),
  );
  const firstArrival = (delivery: ReceivedDelivery) =>
    receiver.accepted.findIndex((d) => d.headers['webhook-id'] === delivery.headers['webhook-id']);
  for (const referralId of referrals) {
    const theirs = all.filter((d) => d.event.data.referralId === referralId);
    expect(theirs.map((d) => d.event.type)).toEqual([
      'id.lintas.health-liaison.rsj-referral.requested.v1',
      'id.lintas.health-liaison.rsj-referral.accepted.v1',
    ]);
    const [requested, accepted] = theirs as [ReceivedDelivery, ReceivedDelivery];
    expect(Number(requested.event.sequence)).toBeLessThan(Number(accepted.event.sequence));
    expect(firstArrival(requested)).toBeLessThan(firstArrival(accepted));
  }
  const shown = await new AgencyClient(healthLiaison.url, rsj).get(`/webhook-subscriptions/${made.body.id}`);
  expect(shown.body).toMatchObject({ status: 'active', lastSequence: 2 * PERSONS });
}, 180_000);
