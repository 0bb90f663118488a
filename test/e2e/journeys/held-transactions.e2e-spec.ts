import { Client } from 'pg';
import { eventuallyExpect } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, MAIN_HEALTH, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Government servers are shared: another application's write transaction left open, in another
 * database on the same PostgreSQL or in another schema of Lintas's own database, must not hold a
 * single hand-over. Before, any such transaction stopped every hand-over for as long as it stayed
 * open, and reads of one's own write answered 504.
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

/** A session of someone else's that has written and stays idle in its transaction. */
async function holdWriteOpen(databaseUrl: string, write: string[]): Promise<Client> {
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  for (const statement of write) await holder.query(statement);
  return holder;
}

async function stillIdleInTransaction(holder: Client): Promise<boolean> {
  const probe = new Client({ connectionString: infra.databaseUrl });
  await probe.connect();
  try {
    const pid = (holder as unknown as { processID: number }).processID;
    const { rows } = await probe.query<{ state: string }>('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid]);
    return rows[0]?.state === 'idle in transaction';
  } finally {
    await probe.end();
  }
}

describe('hand-overs beside a write transaction someone else left open', () => {
  it('all arrive, and a read of one’s own write answers, while writes stay open in another database and another schema', async () => {
    const otherDatabase = new URL(infra.databaseUrl);
    otherDatabase.pathname = '/postgres';
    const held = [
      await holdWriteOpen(otherDatabase.toString(), ['SELECT pg_current_xact_id()']),
      await holdWriteOpen(infra.databaseUrl, [
        'CREATE SCHEMA IF NOT EXISTS someone_else',
        'CREATE TABLE IF NOT EXISTS someone_else.notes (n integer)',
        'INSERT INTO someone_else.notes VALUES (1)',
      ]),
    ];
    try {
      // Before, these waited for as long as the transactions stayed open: they never arrived.
      const person = new PersonJourney(lintas.world, { handOverTimeoutMs: 20_000 });
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      const identified = await person.identified(journeyIdentity('Wulan'));
      const whereabouts = await lintas.world
        .intake('dinsosMalang')
        .get(`/persons/${person.personId}/whereabouts`, { minPosition: String(identified.position) });
      expect(whereabouts.status).toBe(200);

      await person.consented();
      await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
      await person.referralArrived();
      await person.rsj('rsjLawang', 'accept', {});
      await person.admitted('rsjLawang');
      await person.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
      await person.placementArrived();
      await person.panti('admit', {});
      await eventuallyExpect(
        () => lintas.world.journeys(person.personId),
        (journey) => {
          expect(journey.healthLiaison).toEqual(MAIN_HEALTH);
          expect(journey.rehabilitation).toEqual(['PlacementRequested', 'PlacedInPanti']);
        },
      );
      for (const holder of held) expect(await stillIdleInTransaction(holder)).toBe(true);
    } finally {
      for (const holder of held) {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
    }
  }, 180_000);
});
