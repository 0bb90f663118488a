import { randomUUID } from 'node:crypto';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { PatientAbscondedV1, PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_TOPIC, PersonHandedOverV1 } from '@lintas/contracts/intake/intake.contracts';
import { DeadLetters } from '@lintas/messaging/inbox/dead-letters';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { CASE_STREAM } from './application/case-stream';
import type { CaseStream } from './domain/case/case.stream';
import { pickupStream } from './domain/pickup/pickup.stream';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * Intake's handlers, reactions and projections on PostgreSQL, the other services played on the
 * PostgreSQL log: what a command appends and answers, a reaction's command, a read model reached
 * at a position, and a reaction the rules refuse.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');

let tier: ApplicationTier;
let deadLetters: DeadLetters;

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  deadLetters = new DeadLetters(infra.createPool({ max: 1 }), 'intake');
});

const streams = () => tier.service.app.get(StreamWriter);
const cases = () => tier.service.app.get<symbol, CaseStream>(CASE_STREAM);

async function reportPickup() {
  const reply = await tier.service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Terminal Arjosari', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'male' },
  });
  expect(reply.status).toBe(201);
  return reply;
}

async function openCase() {
  const pickup = (await reportPickup()).body as { id: string; personId: string };
  await tier.service.as(satpol).post(`/pickups/${pickup.id}/hand-over`, { officeId: 'dinsos-3507' });
  const opened = await tier.service.as(malang).post('/cases', { pickupId: pickup.id, categories: ['gelandang'] });
  expect(opened.status).toBe(201);
  return { caseId: opened.body.id as string, personId: pickup.personId, position: opened.body.position as string };
}

describe('intake, application tier', () => {
  it('answers a command with its version and position, and appends its events on the journey', async () => {
    const reported = await reportPickup();
    const { id: pickupId, personId, position } = reported.body;
    expect(reported.headers.get('etag')).toBe('"1"');
    expect(reported.headers.get('x-lintas-position')).toBe(position);

    const handedOver = await tier.service
      .as(satpol)
      .post(`/pickups/${pickupId}/hand-over`, { officeId: 'dinsos-3507' }, { ifMatch: 1 });
    expect(handedOver.status).toBe(201);
    expect(handedOver.body).toMatchObject({ id: pickupId, version: 2, personId });
    expect(handedOver.headers.get('etag')).toBe('"2"');
    const stale = await tier.service
      .as(malang)
      .post(`/pickups/${pickupId}/hand-over`, { officeId: 'dinsos-3507' }, { ifMatch: 1 });
    expect(stale.status).toBe(412);

    const { history } = await streams().load(pickupStream, pickupId);
    expect(history.map((event) => event.type)).toEqual(['PickupReported', 'PersonHandedOverToDinasSosial']);
    const [report, handOver] = history;
    expect(handOver?.metadata).toMatchObject({
      personId,
      correlationId: report?.metadata.correlationId,
      actor: expect.objectContaining({ agencyId: 'satpolpp-3507' }),
    });
    await eventually(
      async () => tier.neighbours.publishedAs(PersonHandedOverV1, personId),
      (published) => published.length === 1,
    );
  });

  it('serves a projection-backed queue once it has reached the position of the write', async () => {
    const { caseId, position } = await openCase();
    const caseload = await tier.service.as(malang).get('/work-queues/caseload', { minPosition: position });
    expect(caseload.status).toBe(200);
    expect(caseload.body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, status: 'open' })]));
  });

  it("records another service's event on the case, caused by it, on the case's journey", async () => {
    const { caseId, personId } = await openCase();
    const escapeId = await tier.neighbours.publish(PatientAbscondedV1, personId, {
      referralId: randomUUID(),
      caseId,
      personId,
      rsjId: 'rsj-lawang',
      at: new Date().toISOString(),
    } satisfies PatientAbscondedV1);

    const { history } = await eventually(
      () => streams().load(cases(), caseId),
      (loaded) => loaded.history.some((event) => event.type === 'AbscondingRecorded'),
    );
    const escape = history.find((event) => event.type === 'AbscondingRecorded');
    expect(escape?.data).toMatchObject({ from: 'rsj', reportedBy: 'rsj-lawang' });
    expect(escape?.metadata).toMatchObject({
      personId,
      causationId: escapeId,
      correlationId: history[0]?.metadata.correlationId,
      actor: { agencyId: 'lintas-intake', clientId: `reaction:${PatientAbscondedV1.type}` },
    });
  });

  it('dead-letters an event the rules refuse, and lets a harmless refusal pass', async () => {
    const { caseId, personId } = await openCase();
    expect(
      (await tier.service.as(malang).post(`/cases/${caseId}/close`, { outcome: 'lost-to-follow-up' })).status,
    ).toBe(201);
    // One key, so the inbox takes them in this order: the harmless one is done when the refused one arrives.
    const harmlessId = await tier.neighbours.publish(PatientAbscondedV1, personId, {
      referralId: randomUUID(),
      caseId,
      personId,
      rsjId: 'rsj-lawang',
      at: new Date().toISOString(),
    } satisfies PatientAbscondedV1);
    const refusedId = await tier.neighbours.publish(PersonDiedV1, personId, {
      personId,
      caseId: randomUUID(),
      at: new Date().toISOString(),
      reportedBy: 'rsj-lawang',
    } satisfies PersonDiedV1);

    await eventually(
      async () => tier.deadLetters.published,
      (published) => published.some((event) => event.id === refusedId),
    );
    const letters = await deadLetters.list();
    const letterOf = (eventId: string) => letters.find((letter) => letter.headers.ce_id === eventId);
    expect(letterOf(refusedId)).toMatchObject({
      reason: 'rejected',
      detail: `${PersonDiedV1.type} refused: case.not-found`,
    });
    expect(letterOf(harmlessId)).toBeUndefined();
    const { history } = await streams().load(cases(), caseId);
    expect(history.map((event) => event.type)).not.toContain('AbscondingRecorded');
  });
});
