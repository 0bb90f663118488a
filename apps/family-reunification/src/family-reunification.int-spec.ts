import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import {
  CaseClosedV1,
  FAMILY_REUNIFICATION_TOPIC,
  FamilyTracedV1,
  FollowUpVisitCompletedV1,
  LongTermPlacementArrangedV1,
  ReunificationCompletedV1,
  TransferredToRegionOfOriginV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { PatientDischargedV1, PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { AssessmentCompletedV1, CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { RehabilitationTerminatedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { eventually } from '@lintas/testing/eventually';
import { agency, type AgencyClient } from '@lintas/testing/http/agency-client';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { FAMILY_REUNIFICATION_SERVICE } from './family-reunification.service-definition';

/**
 * Family-reunification over HTTP, PostgreSQL and Kafka: tracing started by the other services'
 * hand-overs, the return home with its follow-ups and closure, the return to the region of origin
 * after intake moved the case, death stopping the work, long-term placement, the edge's refusals,
 * and the contracts it publishes.
 */
const infra = useRealInfrastructure();

const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const kediri = agency('dinas-sosial', 'dinsos-3571', '3571');
const lawang = agency('rsj', 'rsj-lawang', '3507');
const panti = agency('panti', 'panti-bina-laras-kediri', '3571');

let service: ServiceUnderTest;
let neighbours: NeighbouringServices;

beforeAll(async () => {
  service = await startServiceUnderTest(FAMILY_REUNIFICATION_SERVICE, infra);
  neighbours = await NeighbouringServices.open(infra, FAMILY_REUNIFICATION_TOPIC);
});

const publish = <Data extends { personId: string }>(contract: AnyContract, data: Data) =>
  neighbours.publish(contract, data.personId, data);

function publishedAbout(reunificationId: string, contract: AnyContract) {
  return eventually(
    async () =>
      neighbours.published.filter(
        (e) => e.type === contract.type && (e.data as { reunificationId?: string }).reunificationId === reunificationId,
      ),
    (found) => found.length > 0,
  );
}

/** The office's view of the case's reunification, once the hand-over's reaction has made it. */
function reunificationOf(
  caseId: string,
  office: AgencyClient,
  until: (body: { status: string }) => boolean = () => true,
) {
  return eventually(
    () => office.get(`/cases/${caseId}/reunification`),
    (reply) => reply.status === 200 && until(reply.body),
  );
}

function newCase() {
  return { caseId: randomUUID(), personId: randomUUID() };
}

describe('family-reunification', () => {
  it('brings a person home after rehabilitation, follows up three times and closes the case', async () => {
    const { caseId, personId } = newCase();
    await publish(RehabilitationTerminatedV1, {
      placementId: randomUUID(),
      caseId,
      personId,
      pantiId: panti.agencyId,
      officeId: malang.agencyId,
      reason: 'ready-to-return',
      at: new Date().toISOString(),
    });
    const office = service.as(malang);
    const started = await reunificationOf(caseId, office);
    expect(started.body).toMatchObject({ caseId, personId, officeId: malang.agencyId, status: 'tracing', version: 1 });
    expect(started.headers.get('etag')).toBe('"1"');
    const id: string = started.body.reunificationId;

    const leads = await office.post(`/reunifications/${id}/tracing`, { leads: ['menyebut Pasar Lawang'] });
    expect(leads.status).toBe(201);
    const traced = await office.post(
      `/reunifications/${id}/family-traced`,
      {
        relation: 'ibu',
        name: 'Ibu Sumiati',
        contact: '+62 812 0000 0001',
        regionCode: '350701',
        verifiedBy: 'home visit, mother recognised him',
      },
      { ifMatch: 2 },
    );
    expect(traced.headers.get('etag')).toBe('"3"');
    await office.post(`/reunifications/${id}/home-visit`, { readiness: 'ready', needs: ['medication'] });

    const body = {
      handedTo: 'Ibu Sumiati',
      relation: 'ibu',
      place: 'rumah keluarga',
      documents: ['surat keterangan'],
      medication: 'risperidone 1 bulan',
      occurredAt: '2025-05-31T10:00:00+07:00',
    };
    const key = randomUUID();
    const completed = await office.post(`/reunifications/${id}/complete`, body, { idempotencyKey: key });
    expect(completed.status).toBe(201);
    const retried = await office.post(`/reunifications/${id}/complete`, body, { idempotencyKey: key });
    expect(retried.body).toEqual(completed.body);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');

    const home = await office.get(`/cases/${caseId}/reunification`, { minPosition: completed.body.position });
    expect(home.body).toMatchObject({
      status: 'reunified',
      family: { regionCode: '350701', readiness: 'ready' },
      followUps: [
        { visit: 1, dueOn: '2025-06-30', status: 'pending' },
        { visit: 2, dueOn: '2025-08-31', status: 'pending' },
        { visit: 3, dueOn: '2025-11-30', status: 'pending' },
      ],
    });
    const due = await office.get('/work-queues/follow-ups-due?until=2025-07-01');
    expect(due.body).toEqual([
      expect.objectContaining({ reunificationId: id, visit: 1, dueOn: '2025-06-30', overdue: true }),
    ]);

    const tooEarly = await office.post(`/reunifications/${id}/close`, { outcome: 'reunified' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('reunification.follow-ups-pending');

    for (const visit of [1, 2, 3]) {
      const followUp = await office.post(`/reunifications/${id}/follow-ups/${visit}`, {
        condition: 'stabil',
        medicationAdherence: 'teratur',
        socialFunctioning: 'membantu di warung',
      });
      expect(followUp.status).toBe(201);
    }
    const closed = await office.post(`/reunifications/${id}/close`, { outcome: 'reunified' });
    expect(closed.status).toBe(201);
    const caseload = await office.get('/work-queues/caseload', { minPosition: closed.body.position });
    expect(caseload.body.map((entry: { caseId: string }) => entry.caseId)).not.toContain(caseId);

    const [familyTraced] = await publishedAbout(id, FamilyTracedV1);
    expect(familyTraced?.subject).toBe(personId);
    expect(familyTraced?.data).toEqual({
      reunificationId: id,
      caseId,
      personId,
      officeId: malang.agencyId,
      regionCode: '350701',
    });
    const [reunified] = await publishedAbout(id, ReunificationCompletedV1);
    expect(reunified?.data).toMatchObject({ at: '2025-05-31T10:00:00+07:00' });
    expect(await publishedAbout(id, FollowUpVisitCompletedV1)).toHaveLength(3);
    const [caseClosed] = await publishedAbout(id, CaseClosedV1);
    expect(caseClosed?.data).toMatchObject({ outcome: 'reunified' });
    expect(JSON.stringify(neighbours.published)).not.toContain('Sumiati');

    const journey = await office.get(`/persons/${personId}/journey`, { minPosition: closed.body.position });
    expect(journey.body.steps.map((step: { type: string }) => step.type)).toEqual([
      'FamilyTracingStarted',
      'TracingLeadsAdded',
      'FamilyTraced',
      'HomeVisitCompleted',
      'ReunificationCompleted',
      'FollowUpScheduled',
      'FollowUpScheduled',
      'FollowUpScheduled',
      'FollowUpVisitCompleted',
      'FollowUpVisitCompleted',
      'FollowUpVisitCompleted',
      'CaseClosed',
    ]);
  });

  it('returns a person to the region of origin: intake moves the case, the receiving office completes it', async () => {
    const { caseId, personId } = newCase();
    await publish(AssessmentCompletedV1, { caseId, personId, officeId: malang.agencyId, decision: 'home' });
    const sender = service.as(malang);
    const receiver = service.as(kediri);
    const id: string = (await reunificationOf(caseId, sender)).body.reunificationId;
    await sender.post(`/reunifications/${id}/family-traced`, {
      relation: 'kakak',
      contact: 'Jl. Contoh 2, Kediri',
      regionCode: '3571',
      verifiedBy: 'phone call with kelurahan',
    });
    expect((await receiver.get(`/cases/${caseId}/reunification`)).status).toBe(404);

    await publish(CaseTransferAcceptedV1, {
      caseId,
      personId,
      fromOfficeId: malang.agencyId,
      toOfficeId: kediri.agencyId,
    });
    await reunificationOf(caseId, receiver);
    const moved = await sender.post(`/reunifications/${id}/transfer-to-origin`, {
      toOfficeId: kediri.agencyId,
      escort: 'dua pekerja sosial',
    });
    expect(moved.status).toBe(201);
    const notSender = await sender.post(`/reunifications/${id}/home-visit`, { readiness: 'ready' });
    // Once the case moved on, the office that sent it is no party of it any more.
    expect(notSender.status).toBe(404);
    expect(notSender.body.code).toBe('reunification.not-found');

    await receiver.post(`/reunifications/${id}/home-visit`, { readiness: 'ready' });
    const completed = await receiver.post(`/reunifications/${id}/complete`, {
      handedTo: 'Kakak',
      relation: 'kakak',
      place: 'rumah keluarga di Kediri',
    });
    expect(completed.status).toBe(201);
    const [transferred] = await publishedAbout(id, TransferredToRegionOfOriginV1);
    expect(transferred?.data).toMatchObject({ officeId: kediri.agencyId, toOfficeId: kediri.agencyId });
    const [reunified] = await publishedAbout(id, ReunificationCompletedV1);
    expect(reunified?.data).toMatchObject({ officeId: kediri.agencyId });
  });

  it('stops when the person dies: nothing but the closure as died', async () => {
    const { caseId, personId } = newCase();
    await publish(PatientDischargedV1, {
      referralId: randomUUID(),
      caseId,
      personId,
      rsjId: lawang.agencyId,
      officeId: malang.agencyId,
      dischargedAt: new Date().toISOString(),
      recommendation: 'family',
    });
    const office = service.as(malang);
    const id: string = (await reunificationOf(caseId, office)).body.reunificationId;
    await publish(PersonDiedV1, { caseId, personId, at: new Date().toISOString(), reportedBy: lawang.agencyId });
    await eventually(
      () => office.get(`/cases/${caseId}/reunification`),
      (reply) => reply.body.died === true,
    );
    const traced = await office.post(`/reunifications/${id}/family-not-found`, { efforts: 'tiga desa' });
    expect(traced.status).toBe(409);
    expect(traced.body.code).toBe('reunification.person-died');
    const closed = await office.post(`/reunifications/${id}/close`, { outcome: 'died' });
    expect(closed.status).toBe(201);
  });

  it('arranges a long-term placement when no family is found', async () => {
    const { caseId, personId } = newCase();
    await publish(AssessmentCompletedV1, { caseId, personId, officeId: malang.agencyId, decision: 'community' });
    const office = service.as(malang);
    const id: string = (await reunificationOf(caseId, office)).body.reunificationId;
    await office.post(`/reunifications/${id}/family-not-found`, { efforts: 'radio, tiga desa, Dukcapil' });
    const placed = await office.post(`/reunifications/${id}/long-term-placement`, {
      pantiId: panti.agencyId,
      reason: 'no-family',
    });
    expect(placed.status).toBe(201);
    const [arranged] = await publishedAbout(id, LongTermPlacementArrangedV1);
    expect(arranged?.data).toEqual({
      reunificationId: id,
      caseId,
      personId,
      officeId: malang.agencyId,
      pantiId: panti.agencyId,
      reason: 'no-family',
    });
  });

  it('refuses unknown fields, other kinds of agency and stale versions, as problem+json', async () => {
    const { caseId, personId } = newCase();
    await publish(AssessmentCompletedV1, { caseId, personId, officeId: malang.agencyId, decision: 'home' });
    const office = service.as(malang);
    const id: string = (await reunificationOf(caseId, office)).body.reunificationId;

    const unknownField = await office.post(`/reunifications/${id}/family-not-found`, { efforts: 'x', nik: '3507' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownField.body.errors).toEqual([{ field: 'nik', messages: ['property nik should not exist'] }]);

    const rsj = await service.as(lawang).post(`/reunifications/${id}/family-not-found`, { efforts: 'x' });
    expect(rsj.status).toBe(403);
    expect(rsj.body.code).toBe('agency.not-allowed');
    expect((await service.as(lawang).get(`/cases/${caseId}/reunification`)).status).toBe(403);

    const stale = await office.post(`/reunifications/${id}/family-not-found`, { efforts: 'x' }, { ifMatch: 7 });
    expect(stale.status).toBe(412);

    const unknown = await office.post(`/reunifications/${randomUUID()}/family-not-found`, { efforts: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('reunification.not-found');

    const badTime = await office.post(`/reunifications/${id}/family-not-found`, {
      efforts: 'x',
      occurredAt: '2025-01-01',
    });
    expect(badTime.status).toBe(422);
  });
});
