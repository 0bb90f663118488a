import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { eventuallyExpect } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import type { ServiceName } from '@lintas/testing/processes/service-process';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * /metrics of the built services, as Prometheus scrapes it, after a pickup travelled to a referral
 * across intake and health-liaison on real Kafka and PostgreSQL (docs/architecture.md, "Metrics"):
 * the series are there, their values follow what happened, and none of their labels carries
 * anything of the person.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;
const identity = journeyIdentity('Siti Rahayu');
const person = { journey: undefined as PersonJourney | undefined };

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  const journey = new PersonJourney(lintas.world);
  await journey.pickedUp();
  await journey.handedOver();
  await journey.registered();
  await journey.identified(identity);
  await journey.consented();
  await journey.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await journey.referralArrived();
  person.journey = journey;
}, 180_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(lintas.output());
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Scrape {
  text: string;
  samples: Sample[];
  /** Every sample of a series; of a histogram, its `_count`, `_sum` or `_bucket` when asked by that name. */
  of(name: string, labels?: Record<string, string>): Sample[];
}

/** A scrape of the service, unauthenticated as Prometheus's, parsed from the text format. */
async function scrape(service: ServiceName): Promise<Scrape> {
  const response = await fetch(`${lintas.processes.get(service)?.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  const samples = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line): Sample => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]),
      );
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
  const of = (name: string, labels: Record<string, string> = {}) =>
    samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
  return { text, samples, of };
}

const sum = (samples: Sample[]) => samples.reduce((total, sample) => total + sample.value, 0);

const METRICS_OF_EVERY_SERVICE = Object.values(METRIC_NAMES).filter(
  (name) => name !== METRIC_NAMES.auditVerificationFailures,
);

describe('metrics of the services after a pickup became a referral', () => {
  it.each<ServiceName>(['intake', 'health-liaison'])(
    '%s exposes every Lintas series and its process’s',
    async (service) => {
      const { text } = await scrape(service);
      for (const name of METRICS_OF_EVERY_SERVICE) expect(text).toContain(`# TYPE ${name} `);
      expect(text).toMatch(/^process_cpu_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    },
  );

  it('counts the agency’s requests by route template and status, and the appends they made', async () => {
    const intake = await scrape('intake');
    const pickups = intake.of(`${METRIC_NAMES.httpRequestDuration}_count`, { method: 'POST', route: '/pickups' });
    expect(pickups.map((sample) => sample.labels.status_code)).toEqual(['201']);
    expect(sum(pickups)).toBeGreaterThanOrEqual(1);
    expect(
      intake.of(`${METRIC_NAMES.httpRequestDuration}_count`, { route: '/pickups/:pickupId/hand-over' }),
    ).not.toEqual([]);
    expect(sum(intake.of(METRIC_NAMES.appends, { store: 'intake', outcome: 'written' }))).toBeGreaterThanOrEqual(6);
    expect(sum(intake.of(`${METRIC_NAMES.appendDuration}_count`, { store: 'intake' }))).toBeGreaterThanOrEqual(6);
    expect(sum(intake.of(`${METRIC_NAMES.relaySendDuration}_count`))).toBeGreaterThanOrEqual(1);
  });

  it('counts the assessment health-liaison handled, and timed its reaction', async () => {
    const health = await scrape('health-liaison');
    const type = AssessmentCompletedV1.type;
    expect(
      sum(health.of(METRIC_NAMES.consumerEvents, { event_type: type, outcome: 'handled' })),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sum(health.of(`${METRIC_NAMES.consumerHandlerDuration}_count`, { event_type: type })),
    ).toBeGreaterThanOrEqual(1);
    // Events health-liaison reads and has no reaction to (the pickup, the hand-over…) are skipped.
    expect(sum(health.of(METRIC_NAMES.consumerEvents, { outcome: 'skipped' }))).toBeGreaterThanOrEqual(1);
  });

  it.each<ServiceName>(['intake', 'health-liaison'])('%s has no dead letters, each reason at 0', async (service) => {
    const deadLetters = (await scrape(service)).of(METRIC_NAMES.deadLetters);
    expect(deadLetters.length).toBeGreaterThan(0);
    expect(sum(deadLetters)).toBe(0);
  });

  it.each<ServiceName>(['intake', 'health-liaison'])(
    '%s comes to an empty outbox, no consumer lag and no projection lag',
    async (service) => {
      await eventuallyExpect(
        () => scrape(service),
        (metrics) => {
          expect(metrics.of(METRIC_NAMES.outboxMessages, { service })).toEqual([expect.objectContaining({ value: 0 })]);
          expect(metrics.of(METRIC_NAMES.outboxOldestMessageAge, { service })).toEqual([
            expect.objectContaining({ value: 0 }),
          ]);
          const lag = metrics.of(METRIC_NAMES.consumerLag, { group: `lintas.${service}` });
          expect(lag.length).toBeGreaterThan(0);
          expect(lag.map((sample) => sample.value)).toEqual(lag.map(() => 0));
          const projections = metrics.of(METRIC_NAMES.projectionLagEvents);
          expect(projections.length).toBeGreaterThan(0);
          expect(sum(projections)).toBe(0);
          expect(sum(metrics.of(METRIC_NAMES.projectionLagSeconds))).toBe(0);
          expect(metrics.of(METRIC_NAMES.visibilityDelay)).toEqual([
            expect.objectContaining({ labels: { store: service.replace('-', '_') } }),
          ]);
        },
        { timeoutMs: 30_000, everyMs: 250 },
      );
    },
  );

  it('carries nothing of the person in any label: no name, no NIK, no id', async () => {
    const journey = person.journey;
    if (!journey) throw new Error('the journey did not run');
    const personal = [
      identity.name,
      identity.nik,
      journey.personId,
      journey.pickupId,
      journey.caseId,
      journey.referralId,
    ];
    for (const service of ['intake', 'health-liaison'] as const) {
      const { text, samples } = await scrape(service);
      for (const value of personal) expect(text).not.toContain(value);
      const labelValues = new Set(samples.flatMap((sample) => Object.values(sample.labels)));
      for (const value of labelValues)
        expect(value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });
});
