import { eventually } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Break-the-glass across the services as separate processes: an RSJ the referral was not sent to
 * takes emergency access to the person at intake; health-liaison lets it read the referral once
 * the access reaches it, records each read under it, and shuts it out again when it ends.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;
const HOLDS_SECONDS = 8;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra, {
    env: { EMERGENCY_ACCESS_SECONDS: String(HOLDS_SECONDS) },
  });
  await prepareJourneys(lintas.world);
}, 120_000);

it('opens the person’s records in every service to an emergency access, each read recorded, until it ends', async () => {
  const world = lintas.world;
  const person = new PersonJourney(world);
  await person.pickedUp();
  await person.handedOver();
  await person.registered();
  await person.identified(journeyIdentity('Wartini'));
  await person.consented();
  await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await person.referralArrived();
  await person.rsj('rsjLawang', 'accept');
  await person.admitted('rsjLawang');
  await person.rsj('rsjLawang', 'treatment-notes', { note: 'responds to risperidone' });
  const referral = () => world.healthLiaison('rsjMenur').get(`/referrals/${person.referralId}`);
  expect((await referral()).status).toBe(404);

  const taken = await world
    .intake('rsjMenur')
    .post(`/persons/${person.personId}/emergency-access`, { reason: 'brought to our emergency room, agitated' });
  expect(taken.status).toBe(201);
  const opened = await eventually(referral, (reply) => reply.status === 200, { timeoutMs: 20_000 });
  // An RSJ in an emergency reads what the addressed RSJ reads, clinical notes too.
  expect(opened.body.treatmentNotes).toEqual([expect.objectContaining({ note: 'responds to risperidone' })]);
  const sql = infra.createPool({ max: 1 });
  const { rows } = await sql.query<{ reason: string }>(
    `SELECT reason FROM health_liaison.access_records
      WHERE params->>'referralId' = $1 AND agency_id = 'rsj-menur' AND outcome = 'granted'`,
    [person.referralId],
  );
  expect(rows.map((row) => row.reason)).toContain(`emergency-access:${taken.body.id}`);

  await eventually(referral, (reply) => reply.status === 404, { timeoutMs: (HOLDS_SECONDS + 10) * 1000 });
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(taken.body.expiresAt));
}, 120_000);
