import { eventually } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { nikFor, PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Many persons at once through the main path, with the services as separate processes: every
 * journey complete, every hand-over applied once; and the same with every POST sent twice, as
 * clients that lost each answer would, which must change nothing.
 */
const infra = useRealInfrastructure();
const PERSONS = 25;
let lintas: RunningLintas;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  const capacity = await lintas.world
    .rehabilitation('pantiKediri')
    .post(`/pantis/${AGENCIES.pantiKediri.agencyId}/capacity`, {
      beds: 4 * PERSONS,
    });
  expect(capacity.status).toBe(201);
}, 120_000);

/** Each service's journey of each person, as counts of each event type. */
async function runMainPaths(firstSerial: number, twice: boolean): Promise<string[]> {
  const persons = await Promise.all(
    Array.from({ length: PERSONS }, (_, i) =>
      new PersonJourney(lintas.world, { twice, handOverTimeoutMs: 90_000 }).mainPath({
        name: `Orang ${firstSerial + i}`,
        birthDate: '1979-07-21',
        nik: nikFor('1979-07-21', firstSerial + i),
      }),
    ),
  );
  return Promise.all(
    persons.map(async (person) => {
      const journeys = await eventually(
        () => lintas.world.journeys(person.personId),
        (j) => j.familyReunification.includes('CaseClosed') && j.intake.includes('CaseClosed'),
        { timeoutMs: 60_000 },
      );
      return JSON.stringify(journeys);
    }),
  );
}

describe(`${PERSONS} persons through the main path at once`, () => {
  let once: string[];

  it('complete every journey, each hand-over applied once', async () => {
    once = await runMainPaths(1, false);
    expect(new Set(once).size).toBe(1);
    const [shape] = once;
    const journeys = JSON.parse(shape ?? '{}') as Record<string, string[]>;
    expect(journeys.healthLiaison).toEqual([
      'RsjReferralRequested',
      'RsjReferralAccepted',
      'PatientAdmitted',
      'PatientDischarged',
    ]);
    expect(journeys.rehabilitation?.filter((t) => t === 'PlacementRequested')).toHaveLength(1);
    expect(journeys.familyReunification?.filter((t) => t === 'FamilyTracingStarted')).toHaveLength(1);
    expect(journeys.familyReunification?.filter((t) => t === 'CaseClosed')).toHaveLength(1);
  }, 600_000);

  it('give the same journeys when every POST is sent twice', async () => {
    const twice = await runMainPaths(1 + PERSONS, true);
    expect(twice).toEqual(once);
  }, 600_000);
});
