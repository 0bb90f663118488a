import { randomUUID } from 'node:crypto';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { WebhookReceiver } from '@lintas/testing/webhooks/webhook-receiver';
import { HEALTH_LIAISON_SERVICE } from './health-liaison.service-definition';

/**
 * A delivery goes out when the inbox transaction that enqueued it commits, not at the next look
 * at the queue: with the look a minute apart, a referral still reaches the RSJ within seconds.
 */
const infra = useRealInfrastructure();
let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC, { WEBHOOK_POLL_MS: '60000' });
});

it('sends a webhook as soon as the event that enqueued it is committed', async () => {
  const rsj = agency('rsj', 'rsj-wake-up', '3507');
  const receiver = await WebhookReceiver.start((close) => infra.defer(close));
  expect((await tier.service.as(rsj).post('/webhook-subscriptions', { url: receiver.url })).status).toBe(201);
  const started = Date.now();
  const requested = await tier.service.as(agency('dinas-sosial', 'dinsos-3571', '3571')).post('/referrals', {
    caseId: randomUUID(),
    personId: randomUUID(),
    rsjId: rsj.agencyId,
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi' },
  });
  expect(requested.status).toBe(201);
  await eventually(
    async () => receiver.accepted,
    (found) => found.length === 1,
    { timeoutMs: 10_000 },
  );
  expect(Date.now() - started).toBeLessThan(10_000);
});
