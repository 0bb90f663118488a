import { eventuallyExpect } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, MAIN_HEALTH, NINE_JOURNEYS, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { PrismProxies } from '@lintas/testing/journey/prism-proxies';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The journeys of issue 10 (`nine-journeys.ts`), each driven over HTTP against the four built
 * services running as separate processes on real Kafka and PostgreSQL, each read back from every
 * service at the end; and one that survives a service killed mid-way.
 *
 * The nine go through a Prism validation proxy (`prism proxy --errors`) in front of each service,
 * started from the OpenAPI document the service serves: every request the agencies send and every
 * answer the services give must be what the documents say. Prism forwards what conforms unchanged,
 * so the journeys' own checks hold as they would against the services directly.
 * LINTAS_PRISM_REPORT_ONLY=1 runs the proxies without `--errors`: they forward every answer
 * unchanged and only report, so one run lists every violation instead of the journeys stopping at
 * the first answer Prism replaced.
 */
const infra = useRealInfrastructure();
const reportOnly = process.env.LINTAS_PRISM_REPORT_ONLY === '1';
let lintas: RunningLintas;
let prism: PrismProxies;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  prism = await PrismProxies.start(lintas.world.urls, { errors: !reportOnly });
  infra.defer(() => prism.stop());
  await prepareJourneys(prism.world);
}, 120_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(`${lintas.output()}\n${prism.output()}\n`);
});

describe('journeys through a Prism validation proxy in front of each service', () => {
  for (const journey of NINE_JOURNEYS) {
    it(journey.title, () => journey.run(prism.world));
  }

  it("met no violation of any service's OpenAPI document", () => {
    const violations = prism.violations();
    if (violations.length > 0) process.stdout.write(`Prism's output:\n${prism.output()}\n`);
    expect(violations).toEqual([]);
  });
});

describe('a journey across the four services, directly', () => {
  it('carries on where it stopped when a service is killed mid-journey and started again', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(journeyIdentity('Slamet'));
    // Killed (SIGKILL) while the assessment's hand-over is on its way to it.
    const assessed = person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await lintas.kill('health-liaison');
    await assessed;
    await lintas.start('health-liaison');
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    await lintas.restart('rehabilitation');
    await person.admitted('rsjLawang');
    await person.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
    await person.placementArrived();
    await person.panti('admit');
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.healthLiaison).toEqual(MAIN_HEALTH);
        expect(j.rehabilitation).toEqual(['PlacementRequested', 'PlacedInPanti']);
      },
    );
  }, 120_000);
});
