import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import { LongTermPlacementArrangedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { PatientDischargedV1, PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { AssessmentCompletedV1, CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { REHABILITATION_TOPIC } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { REHABILITATION_SERVICE } from './rehabilitation.service-definition';

/**
 * Rehabilitation over HTTP and Kafka on real PostgreSQL: beds and the waiting list, the ATENSI
 * work, least privilege on reads, problem+json, idempotent retries, and each reaction.
 */
const infra = useRealInfrastructure();
let service: ServiceUnderTest;
let neighbours: NeighbouringServices;

const kediri = agency('panti', 'panti-bina-laras-kediri', '3571');
const pasuruan = agency('panti', 'panti-pasuruan', '3514');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const batu = agency('dinas-sosial', 'dinsos-3579', '3579');
const lawang = agency('rsj', 'rsj-lawang', '3507');

beforeAll(async () => {
  service = await startServiceUnderTest(REHABILITATION_SERVICE, infra);
  neighbours = await NeighbouringServices.open(infra, REHABILITATION_TOPIC);
}, 60_000);

/** What another service publishes, as it arrives on its topic. */
const publish = (contract: AnyContract, personId: string, data: unknown): Promise<string> =>
  neighbours.publish(contract, personId, data);

async function requestPlacement(
  pantiId: string,
  office = malang,
): Promise<{ placementId: string; caseId: string; personId: string }> {
  const caseId = randomUUID();
  const personId = randomUUID();
  const reply = await service.as(office).post('/placements', { caseId, personId, pantiId, kind: 'rehabilitation' });
  expect(reply.status).toBe(201);
  return { placementId: reply.body.id, caseId, personId };
}

const placementOf = async (caseId: string, office = malang): Promise<Json> =>
  (
    await eventually(
      () => service.as(office).get(`/cases/${caseId}/placements`),
      (reply) => reply.status === 200 && reply.body.length > 0,
    )
  ).body[0];

describe('rehabilitation', () => {
  it('admits while beds are free, then keeps a waiting list and admits from it in order', async () => {
    const panti = service.as(kediri);
    expect((await panti.post('/pantis/panti-bina-laras-kediri/capacity', { beds: 1 })).status).toBe(201);

    const first = await requestPlacement('panti-bina-laras-kediri');
    const second = await requestPlacement('panti-bina-laras-kediri');
    const third = await requestPlacement('panti-bina-laras-kediri');

    const admitted = await panti.post(`/placements/${first.placementId}/admit`, { unit: 'Wisma Melati', bed: '1' });
    expect(admitted.status).toBe(201);
    expect(admitted.headers.get('etag')).toBe('"2"');

    const full = await panti.post(`/placements/${third.placementId}/admit`, {});
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'panti.no-free-bed' });

    const queue = await panti.get('/work-queues/waiting-list', { minPosition: admitted.body.position });
    expect(queue.body.map((row: Json) => [row.placementId, row.queuePosition])).toEqual([
      [second.placementId, 1],
      [third.placementId, 2],
    ]);

    const terminated = await panti.post(`/placements/${first.placementId}/terminate`, { reason: 'ready-to-return' });
    expect(terminated.status).toBe(201);
    expect((await panti.post(`/placements/${third.placementId}/admit`, {})).body).toMatchObject({
      code: 'panti.no-free-bed',
    });
    const secondIn = await panti.post(`/placements/${second.placementId}/admit`, { unit: 'Wisma Melati', bed: '1' });
    expect(secondIn.status).toBe(201);

    const residents = await panti.get('/work-queues/residents', { minPosition: secondIn.body.position });
    expect(residents.body.map((row: Json) => row.placementId)).toEqual([second.placementId]);
    const waiting = await service.as(malang).get(`/placements/${third.placementId}`);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', queuePosition: 1, bedReserved: false });
  });

  it('runs the ATENSI work of a resident, relapse and return included', async () => {
    const panti = service.as(pasuruan);
    await panti.post('/pantis/panti-pasuruan/capacity', { beds: 5 });
    const { placementId, caseId, personId } = await requestPlacement('panti-pasuruan');
    await panti.post(`/placements/${placementId}/admit`, {});
    const plan = await panti.post(`/placements/${placementId}/atensi-plan`, {
      goals: ['cares for self', 'returns home'],
      services: ['decent-living-support/legal-identity', 'therapy/psychosocial', 'family-support'],
      setting: 'residential',
    });
    expect(plan.status).toBe(201);
    const service1 = await panti.post(`/placements/${placementId}/services`, {
      type: 'therapy',
      subtype: 'psychosocial',
      durationMinutes: 45,
      notes: 'group session',
    });
    expect(service1.status).toBe(201);
    const unknown = await panti.post(`/placements/${placementId}/services`, { type: 'karaoke' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('atensi.unknown-service-type');
    expect(
      (await panti.post(`/placements/${placementId}/reviews`, { scores: { selfCare: 3, social: 2 } })).status,
    ).toBe(201);

    const relapse = await panti.post(`/placements/${placementId}/relapse`, {
      rsjId: 'rsj-lawang',
      signs: 'not sleeping',
    });
    expect(relapse.status).toBe(201);
    await publish(PatientDischargedV1, personId, {
      referralId: randomUUID(),
      caseId,
      personId,
      rsjId: 'rsj-lawang',
      officeId: 'dinsos-3507',
      dischargedAt: new Date().toISOString(),
      recommendation: 'panti',
      pantiId: 'panti-pasuruan',
      returnToPlacementId: placementId,
    });
    const back = await eventually(
      () => panti.get(`/placements/${placementId}`),
      (reply) => reply.body.status === 'resident' && reply.body.relapses === 1,
    );
    expect(back.body).toMatchObject({
      servicesDelivered: 1,
      reviews: 1,
      plan: expect.objectContaining({ version: 1 }),
    });
    expect(back.headers.get('etag')).toBe(`"${back.body.version}"`);

    const journey = await eventually(
      () => service.as(agency('admin', 'lintas-admin', '35')).get(`/persons/${personId}/journey`),
      (reply) => reply.status === 200 && reply.body.steps.length === 7,
    );
    expect(journey.body.steps.map((step: Json) => step.type)).toEqual([
      'PlacementRequested',
      'PlacedInPanti',
      'AtensiPlanAgreed',
      'AtensiServiceDelivered',
      'ProgressReviewed',
      'RelapseReported',
      'ResidentReturnedFromRsj',
    ]);
  });

  it('answers bad, forbidden and repeated requests as problem+json, and retries as the first answer', async () => {
    const { placementId } = await requestPlacement('panti-bina-laras-kediri');
    const unknownField = await service.as(kediri).post(`/placements/${placementId}/decline`, {
      reason: 'not-suitable',
      nik: '3507014506900001',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownField.body.errors).toEqual([{ field: 'nik', messages: ['property nik should not exist'] }]);

    expect((await service.as(lawang).post(`/placements/${placementId}/admit`, {})).body.code).toBe(
      'agency.not-allowed',
    );
    const otherPanti = await service.as(pasuruan).post(`/placements/${placementId}/decline`, { reason: 'full' });
    expect(otherPanti.status).toBe(404);
    expect(otherPanti.body.code).toBe('placement.not-found');

    const first = await service
      .as(kediri)
      .post(`/placements/${placementId}/decline`, { reason: 'outside-mandate' }, { idempotencyKey: 'decline-1' });
    const retry = await service
      .as(kediri)
      .post(`/placements/${placementId}/decline`, { reason: 'outside-mandate' }, { idempotencyKey: 'decline-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const again = await service.as(kediri).post(`/placements/${placementId}/decline`, { reason: 'outside-mandate' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('placement.not-pending');
  });

  it('shows a placement only to its panti and the office that owns the case', async () => {
    const { placementId, caseId } = await requestPlacement('panti-bina-laras-kediri');
    expect((await service.as(kediri).get(`/placements/${placementId}`)).status).toBe(200);
    expect((await service.as(malang).get(`/placements/${placementId}`)).status).toBe(200);
    expect((await service.as(pasuruan).get(`/placements/${placementId}`)).status).toBe(404);
    expect((await service.as(batu).get(`/placements/${placementId}`)).status).toBe(404);
    await placementOf(caseId);
    expect((await service.as(batu).get(`/cases/${caseId}/placements`)).body).toEqual([]);
  });

  it('requests a placement when an assessment, a discharge or a long-term arrangement names a panti', async () => {
    const assessed = { caseId: randomUUID(), personId: randomUUID() };
    await publish(AssessmentCompletedV1, assessed.personId, {
      ...assessed,
      officeId: 'dinsos-3507',
      decision: 'panti',
      pantiId: 'panti-pasuruan',
    });
    expect(await placementOf(assessed.caseId)).toMatchObject({ kind: 'rehabilitation', pantiId: 'panti-pasuruan' });

    const discharged = { caseId: randomUUID(), personId: randomUUID() };
    await publish(PatientDischargedV1, discharged.personId, {
      ...discharged,
      referralId: randomUUID(),
      rsjId: 'rsj-lawang',
      officeId: 'dinsos-3507',
      dischargedAt: new Date().toISOString(),
      recommendation: 'panti',
      pantiId: 'panti-pasuruan',
    });
    expect(await placementOf(discharged.caseId)).toMatchObject({ kind: 'rehabilitation', status: 'requested' });

    const noFamily = { caseId: randomUUID(), personId: randomUUID() };
    await publish(LongTermPlacementArrangedV1, noFamily.personId, {
      ...noFamily,
      reunificationId: randomUUID(),
      officeId: 'dinsos-3507',
      pantiId: 'panti-pasuruan',
      reason: 'no-family',
    });
    expect(await placementOf(noFamily.caseId)).toMatchObject({ kind: 'long-term' });
  });

  it('follows the case to its new office, and ends everything open when the person dies', async () => {
    const { placementId, caseId, personId } = await requestPlacement('panti-pasuruan');
    await publish(CaseTransferAcceptedV1, personId, {
      caseId,
      personId,
      fromOfficeId: 'dinsos-3507',
      toOfficeId: 'dinsos-3579',
    });
    await eventually(
      () => service.as(batu).get(`/placements/${placementId}`),
      (reply) => reply.status === 200,
    );
    expect((await service.as(malang).get(`/placements/${placementId}`)).status).toBe(404);

    await publish(PersonDiedV1, personId, { personId, caseId, at: new Date().toISOString(), reportedBy: 'rsj-lawang' });
    const ended = await eventually(
      () => service.as(batu).get(`/placements/${placementId}`),
      (reply) => reply.body.status === 'withdrawn',
    );
    expect(ended.body.status).toBe('withdrawn');
  });
});
