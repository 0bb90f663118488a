import { eventually } from '@lintas/testing/eventually';
import { prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Issue 19's journey, across the services as processes on real Kafka and PostgreSQL: a family in
 * Kota Kediri asks its Dinas Sosial to find a missing mother; weeks later Satpol PP picks up a
 * woman in Kabupaten Malang; the matcher proposes her to the Kediri office, whose social worker
 * confirms; the Malang office verifies the family and returns her home. The audit ledger reads it
 * back as one trail: the relative sought and the person found, causes before effects.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;

interface Step {
  eventId: string;
  personId: string;
  causationId: string | null;
  type: string;
  stage: string;
  actor: { agencyId: string | null };
}

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra, { withAudit: true });
  await prepareJourneys(lintas.world);
}, 240_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(lintas.output());
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

it('finds a family’s missing relative picked up in another kabupaten, and returns her home: one trail', async () => {
  const kediri = lintas.world.intake('dinsosKediri');
  const request = await kediri.post('/tracing-requests', {
    channel: 'office',
    requester: { name: 'Darmo', relation: 'anak', contact: '0813-5555-0101, Jl. Dhoho 12 Kediri' },
    sought: {
      names: ['Ibu Siti Aminah'],
      sex: 'female',
      ageRange: { min: 38, max: 42 },
      marks: ['tahi lalat besar di dagu'],
      conditions: ['skizofrenia, putus obat'],
    },
    lastSeen: { regionCode: '3571', on: daysAgo(45).toISOString().slice(0, 10), place: 'Pasar Setonobetek' },
  });
  expect(request.status).toBe(201);
  const { id: tracingRequestId, personId: soughtPersonId } = request.body as { id: string; personId: string };

  // Found 40 km away, a month and a half later: she gives a name, the unit notes the mark.
  const person = new PersonJourney(lintas.world);
  const pickup = await person.post('intake', 'satpolMalang', '/pickups', {
    foundAt: daysAgo(2).toISOString(),
    location: { text: 'Terminal Arjosari', regionCode: '3507' },
    circumstances: 'wandering',
    observedCondition: 'bingung, lapar',
    descriptors: {
      sex: 'female',
      apparentAgeRange: '35-45',
      namesMentioned: ['Aminah'],
      marks: 'tahi lalat di dagu',
    },
  });
  person.pickupId = pickup.id;
  person.personId = pickup.personId;
  await person.handedOver();
  await person.registered();

  const [match] = await eventually(
    async () =>
      (
        (await kediri.get('/work-queues/tracing-matches')).body as {
          tracingRequestId: string;
          candidatePersonId: string;
        }[]
      ).filter((row) => row.tracingRequestId === tracingRequestId),
    (rows) => rows.length > 0,
    { timeoutMs: 60_000 },
  );
  expect(match?.candidatePersonId).toBe(person.personId);
  // The family's agency is the owning office here; Malang, where she was found, sees no candidate.
  expect((await lintas.world.intake('dinsosMalang').get(`/tracing-requests/${tracingRequestId}`)).status).toBe(404);

  const candidate = `/tracing-requests/${tracingRequestId}/candidates/${person.personId}`;
  const review = await kediri.get(candidate);
  expect(review.body.description.names).toContain('Aminah');
  const confirmed = await kediri.post(`${candidate}/confirm`, {}, { headers: { 'x-lintas-user': 'peksos-ratna' } });
  expect(confirmed.status).toBe(201);

  // The office holding her case verifies the family the request names, and takes her home.
  await person.reunificationArrived('dinsosMalang');
  const started = await lintas.world.familyReunification('dinsosMalang').get(`/cases/${person.caseId}/reunification`);
  expect(started.body).toMatchObject({ startedFrom: 'tracing-match' });
  await person.family('family-traced', {
    relation: 'child',
    name: 'Darmo',
    contact: '0813-5555-0101',
    regionCode: '3571',
    verifiedBy: 'tracing request confirmed; KK checked at Dinas Sosial Kota Kediri',
  });
  await person.family('home-visit', { readiness: 'ready' });
  await person.family('complete', { handedTo: 'Darmo', relation: 'child', place: 'rumah keluarga, Kediri' });
  const closed = await kediri.post(`/tracing-requests/${tracingRequestId}/found`, { foundPersonId: person.personId });
  expect(closed.status).toBe(201);

  const trail = await eventually(
    () => lintas.world.audit('admin').get(`/persons/${person.personId}/trail`),
    (reply) =>
      (reply.body.steps as Step[] | undefined)?.some(
        (step) => step.type === 'id.lintas.intake.tracing-request.closed.v1',
      ) === true &&
      (reply.body.steps as Step[]).some(
        (step) => step.type === 'id.lintas.family-reunification.reunification.completed.v1',
      ),
    { timeoutMs: 60_000 },
  );
  const steps = (trail.body.steps as Step[]).filter((step) => step.stage !== 'access');
  const types = steps.map((step) => step.type.replace(/^id\.lintas\./, '').replace(/\.v1$/, ''));
  // The relative sought and the person found are one trail, in the order things happened.
  expect(new Set(steps.map((step) => step.personId))).toEqual(new Set([soughtPersonId, person.personId]));
  const order = [
    'intake.tracing-request.registered',
    'intake.pickup.reported',
    'intake.tracing-match.proposed',
    'intake.tracing-match.confirmed',
    'family-reunification.family-tracing.started',
    'family-reunification.family.traced',
    'family-reunification.reunification.completed',
    'intake.tracing-request.closed',
  ];
  const positions = order.map((type) => types.indexOf(type));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Causal links: the proposal was caused by whichever side the matcher read second (the two events
  // are on different partitions, so either may be); the return by the confirmation.
  const byType = (type: string) => steps.find((step) => step.type === `id.lintas.${type}.v1`);
  expect([byType('intake.pickup.reported')?.eventId, byType('intake.tracing-request.registered')?.eventId]).toContain(
    byType('intake.tracing-match.proposed')?.causationId,
  );
  expect(byType('family-reunification.family-tracing.started')?.causationId).toBe(
    byType('intake.tracing-match.confirmed')?.eventId,
  );
  expect(byType('intake.tracing-match.confirmed')?.actor.agencyId).toBe('dinsos-3571');
}, 180_000);
