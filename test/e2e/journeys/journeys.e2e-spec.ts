import { eventuallyExpect } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, MAIN_HEALTH, NINE_JOURNEYS, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The journeys of issue 10 (`nine-journeys.ts`), each driven over HTTP against the four built
 * services running as separate processes on real Kafka and PostgreSQL, each read back from every
 * service at the end; and one that survives a service killed mid-way.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  await prepareJourneys(lintas.world);
}, 120_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(lintas.output());
});

describe('journeys across the four services', () => {
  for (const journey of NINE_JOURNEYS) {
    it(journey.title, () => journey.run(lintas.world));
  }

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
