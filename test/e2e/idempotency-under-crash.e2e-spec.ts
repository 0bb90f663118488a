import { randomUUID } from 'node:crypto';
import { AgencyClient, type Reply } from '@lintas/testing/http/agency-client';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { ServiceProcess } from '@lintas/testing/processes/service-process';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * A service killed (SIGKILL) while many POSTs are in flight, started again, and every request
 * retried with its Idempotency-Key, as clients that lost their answers do: each command took
 * effect exactly once, and each retry got the first answer, at once. The first attempt of a
 * request either committed its events together with its answer, or nothing of it.
 */
const infra = useRealInfrastructure();
const REQUESTS = 300;
/** The abandonment timeout an unanswered key once had: no retry may come near it. */
const FORMER_ABANDONMENT_MS = 60_000;

const FOUND_AT = new Date(Date.now() - 3_600_000).toISOString();
/** The same body on every attempt: a retry with another body is refused (422), not replayed. */
const pickup = (i: number) => ({
  foundAt: FOUND_AT,
  location: { text: `Pasar Lawang, los ${i}`, regionCode: '3507', districtCode: '350701' },
  circumstances: 'wandering',
  observedCondition: 'confused, not hurt',
  belongings: [],
  descriptors: { sex: 'female', apparentAgeRange: '30-40' },
});

let intake: ServiceProcess;

async function startIntake(): Promise<ServiceProcess> {
  const process = await ServiceProcess.start('intake', {
    NODE_ENV: 'test',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TOPIC_PREFIX: infra.topics.prefix,
    LOG_LEVEL: 'warn',
  });
  await process.ready(60_000);
  // Reads the issuer's keys before the burst, as any earlier request of a client would have: 300
  // first requests at once on a busy machine would otherwise all wait for that one fetch, which is
  // not what this test is about.
  const unknownPickup = await new AgencyClient(process.url, AGENCIES.satpolMalang).get(`/pickups/${randomUUID()}`);
  expect(unknownPickup.status).toBe(404);
  return process;
}

beforeAll(async () => {
  intake = await startIntake();
  infra.defer(() => intake.stop('SIGTERM'));
}, 90_000);

it('applies every POST once across a SIGKILL and answers every retry with its first answer', async () => {
  const keys = Array.from({ length: REQUESTS }, (_, i) => `pickup-under-crash-${i}`);
  const before = new AgencyClient(intake.url, AGENCIES.satpolMalang);
  let created = 0;
  const refused: string[] = [];
  const firstAttempts = keys.map((key, i) =>
    before.post('/pickups', pickup(i), { idempotencyKey: key }).then(
      (reply) => {
        if (reply.status === 201) created += 1;
        else refused.push(`${reply.status} ${JSON.stringify(reply.body)}`);
        return reply;
      },
      () => undefined,
    ),
  );
  // Killed once the first pickups are created, with most requests still in flight.
  while (created < 10 && refused.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  await intake.stop('SIGKILL');
  // Any other answer before the kill is named here, with its problem.
  expect(refused).toEqual([]);
  const first = await Promise.all(firstAttempts);
  const answeredBeforeTheKill = first.filter((reply): reply is Reply => reply?.status === 201);
  expect(answeredBeforeTheKill.length).toBeGreaterThanOrEqual(10);
  expect(answeredBeforeTheKill.length).toBeLessThan(REQUESTS);

  intake = await startIntake();
  const after = new AgencyClient(intake.url, AGENCIES.satpolMalang);
  const started = Date.now();
  const retries = await Promise.all(keys.map((key, i) => after.post('/pickups', pickup(i), { idempotencyKey: key })));
  expect(Date.now() - started).toBeLessThan(FORMER_ABANDONMENT_MS);

  expect(retries.map((retry) => retry.status)).toEqual(Array(REQUESTS).fill(201));
  first.forEach((reply, i) => {
    if (reply?.status !== 201) return;
    expect(retries[i]?.body).toEqual(reply.body);
    expect(retries[i]?.headers.get('idempotent-replayed')).toBe('true');
  });

  const pool = infra.createPool();
  const { rows } = await pool.query<{ events: number; pickups: number }>(
    `SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS pickups
       FROM intake.events WHERE type = 'PickupReported'`,
  );
  expect(rows[0]).toEqual({ events: REQUESTS, pickups: REQUESTS });
  expect(new Set(retries.map((retry) => retry.body.id)).size).toBe(REQUESTS);
}, 240_000);
