import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import {
  HEALTH_LIAISON_TOPIC,
  PatientDischargedV1,
  RsjReferralRequestedV1,
  RsjReferralWithdrawnV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { AssessmentCompletedV1, CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { RelapseReportedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { HEALTH_LIAISON_SERVICE } from './health-liaison.service-definition';

/**
 * Health-liaison over HTTP, PostgreSQL and Kafka: the referral path from request to discharge,
 * a decline redirected elsewhere, the edge's refusals, the work queues' least privilege, the
 * contracts it publishes and the hand-overs it reacts to.
 */
const infra = useRealInfrastructure();

const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const otherOffice = agency('dinas-sosial', 'dinsos-3506', '3506');
const originOffice = agency('dinas-sosial', 'dinsos-3507', '3507');
const lawang = agency('rsj', 'rsj-lawang', '3507');
const menur = agency('rsj', 'rsj-menur', '3578');
const panti = agency('panti', 'panti-bina-laras-kediri', '3571');

let service: ServiceUnderTest;
let neighbours: NeighbouringServices;

beforeAll(async () => {
  service = await startServiceUnderTest(HEALTH_LIAISON_SERVICE, infra);
  neighbours = await NeighbouringServices.open(infra, HEALTH_LIAISON_TOPIC);
});

const letter = {
  reason: 'bicara sendiri, menolak makan tiga hari',
  escort: 'dua petugas Satpol PP dan pekerja sosial',
  workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' },
};

function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    caseId: randomUUID(),
    personId: randomUUID(),
    rsjId: lawang.agencyId,
    urgency: 'urgent',
    guarantee: { kind: 'bpjs-pbi', reference: '0001234567890' },
    letter,
    ...overrides,
  };
}

function publishedAbout(referralId: string, contract: AnyContract) {
  return neighbours.published.filter(
    (e) => e.type === contract.type && (e.data as { referralId?: string }).referralId === referralId,
  );
}

const publish = <Data extends { personId: string }>(contract: AnyContract, data: Data, id?: string) =>
  neighbours.publish(contract, data.personId, data, id);

describe('health-liaison', () => {
  it('carries a referral from request to discharge, and tells the other services', async () => {
    const body = referralBody();
    const requested = await service.as(office).post('/referrals', body);
    expect(requested.status).toBe(201);
    expect(requested.headers.get('etag')).toBe('"2"'); // the request and its letter
    const referralId: string = requested.body.id;

    const queue = await service.as(lawang).get('/referrals', { minPosition: requested.body.position });
    expect(queue.body.referrals).toEqual([
      expect.objectContaining({ referralId, status: 'requested', urgency: 'urgent', hasLetter: true }),
    ]);
    const details = await service.as(lawang).get(`/referrals/${referralId}`);
    expect(details.body).toMatchObject({ letter, guarantee: body.guarantee, version: 2 });
    expect(details.headers.get('etag')).toBe('"2"');

    const accepted = await service
      .as(lawang)
      .post(`/referrals/${referralId}/accept`, { expectedAdmissionOn: '2025-03-03' }, { ifMatch: 2 });
    expect(accepted.headers.get('etag')).toBe('"3"');
    await service
      .as(lawang)
      .post(`/referrals/${referralId}/admission`, { ward: 'Wijaya Kusuma', hospitalRecordNumber: 'RM-1' });
    await service.as(lawang).post(`/referrals/${referralId}/treatment-notes`, { note: 'lebih tenang' });
    const discharged = await service.as(lawang).post(`/referrals/${referralId}/discharge`, {
      dischargeType: 'medical-advice',
      recommendation: 'panti',
      pantiId: panti.agencyId,
      medicationPlan: 'risperidone 2 mg 2x sehari',
      nextControlDate: '2099-01-01',
    });
    expect(discharged.status).toBe(201);

    const forOffice = await service.as(office).get(`/referrals/${referralId}`);
    expect(forOffice.body).toMatchObject({ status: 'discharged', discharge: { recommendation: 'panti' } });
    expect(forOffice.body.treatmentNotes).toBeUndefined();
    const forRsj = await service.as(lawang).get(`/referrals/${referralId}`);
    expect(forRsj.body.treatmentNotes).toEqual([expect.objectContaining({ note: 'lebih tenang' })]);

    await eventually(
      async () => publishedAbout(referralId, PatientDischargedV1),
      (found) => found.length > 0,
    );
    const [discharge] = publishedAbout(referralId, PatientDischargedV1);
    expect(discharge?.subject).toBe(body.personId);
    expect(discharge?.data).toEqual({
      referralId,
      caseId: body.caseId,
      personId: body.personId,
      rsjId: lawang.agencyId,
      officeId: office.agencyId,
      dischargedAt: expect.any(String),
      recommendation: 'panti',
      pantiId: panti.agencyId,
      nextControlDate: '2099-01-01',
    });
    expect(JSON.stringify(neighbours.published)).not.toContain('risperidone');
  });

  it('redirects a declined referral to another RSJ as a new referral', async () => {
    const requested = await service.as(office).post('/referrals', referralBody());
    const referralId: string = requested.body.id;
    await service.as(lawang).post(`/referrals/${referralId}/decline`, { reason: 'no-bed' });

    const redirected = await service.as(office).post(`/referrals/${referralId}/redirect`, { toRsjId: menur.agencyId });
    expect(redirected.status).toBe(201);
    expect(redirected.body.id).not.toBe(referralId);

    const menurQueue = await service.as(menur).get('/referrals', { minPosition: redirected.body.position });
    expect(menurQueue.body.referrals).toEqual([
      expect.objectContaining({ referralId: redirected.body.id, redirectedFrom: referralId, hasLetter: true }),
    ]);
    const old = await service.as(office).get(`/referrals/${referralId}`);
    expect(old.body).toMatchObject({ status: 'redirected', redirectedTo: { referralId: redirected.body.id } });
  });

  it('tells the other services of a withdrawal, without its reason', async () => {
    const body = referralBody();
    const requested = await service.as(office).post('/referrals', body);
    const referralId: string = requested.body.id;
    const withdrawn = await service
      .as(office)
      .post(`/referrals/${referralId}/withdraw`, { reason: 'keluarga menjemput, dirawat di rumah' });
    expect(withdrawn.status).toBe(201);

    const [told] = await eventually(
      async () => neighbours.publishedAs(RsjReferralWithdrawnV1, body.personId),
      (found) => found.length > 0,
    );
    expect(told?.data).toEqual({ referralId, caseId: body.caseId, personId: body.personId, rsjId: lawang.agencyId });
    expect(JSON.stringify(neighbours.published)).not.toContain('keluarga menjemput');
  });

  it('moves the open referrals of a transferred case to the accepting office, once however often told', async () => {
    const body = referralBody();
    const open = await service.as(office).post('/referrals', body);
    const openId: string = open.body.id;
    const closed = await service
      .as(office)
      .post('/referrals', referralBody({ caseId: body.caseId, personId: body.personId }));
    const closedId: string = closed.body.id;
    await service.as(office).post(`/referrals/${closedId}/withdraw`, { reason: 'diganti' });

    const transfer: CaseTransferAcceptedV1 = {
      caseId: body.caseId,
      personId: body.personId,
      fromOfficeId: office.agencyId,
      toOfficeId: originOffice.agencyId,
    };
    const eventId = randomUUID();
    await publish(CaseTransferAcceptedV1, transfer, eventId);
    await publish(CaseTransferAcceptedV1, transfer, eventId);

    const moved = await eventually(
      () => service.as(originOffice).get(`/referrals/${openId}`),
      (reply) => reply.status === 200,
    );
    expect(moved.body).toMatchObject({ officeId: originOffice.agencyId, status: 'requested', version: 3 });
    expect((await service.as(office).get(`/referrals/${openId}`)).status).toBe(404);
    const queue = await eventually(
      () => service.as(originOffice).get(`/referrals?caseId=${body.caseId}`),
      (reply) => reply.body.referrals?.length > 0,
    );
    expect(queue.body.referrals).toEqual([expect.objectContaining({ referralId: openId })]);
    // The withdrawn referral stays with the office that handled it.
    expect((await service.as(office).get(`/referrals/${closedId}`)).body.status).toBe('withdrawn');
    expect((await service.as(originOffice).get(`/referrals/${closedId}`)).status).toBe(404);
  });

  it('refuses what the edge or the rules do not allow, as problem+json', async () => {
    const unknownField = await service.as(office).post('/referrals', referralBody({ nik: '3507014506900001' }));
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual([{ field: 'nik', messages: ['property nik should not exist'] }]);

    const badLetter = await service.as(office).post('/referrals', referralBody({ letter: { reason: 'x' } }));
    expect(badLetter.status).toBe(400);
    expect(badLetter.body.errors).toEqual([expect.objectContaining({ field: 'letter.workerContact' })]);

    const key = randomUUID();
    const first = await service.as(office).post('/referrals', referralBody(), { idempotencyKey: key });
    const again = await service.as(office).post('/referrals', referralBody(), { idempotencyKey: key });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('idempotency-key.reused');
    const referralId: string = first.body.id;

    const byPanti = await service.as(panti).post(`/referrals/${referralId}/accept`, {});
    expect(byPanti.status).toBe(403);
    expect(byPanti.body.code).toBe('agency.not-allowed');

    const byOtherRsj = await service.as(menur).post(`/referrals/${referralId}/accept`, {});
    expect(byOtherRsj.status).toBe(404);
    expect(byOtherRsj.body.code).toBe('referral.not-found');

    const earlyAdmission = await service.as(lawang).post(`/referrals/${referralId}/admission`, {
      ward: 'A',
      hospitalRecordNumber: 'RM-2',
    });
    expect(earlyAdmission.status).toBe(409);
    expect(earlyAdmission.body.code).toBe('referral.not-accepted');

    const stale = await service.as(lawang).post(`/referrals/${referralId}/accept`, {}, { ifMatch: 1 });
    expect(stale.status).toBe(412);

    const hidden = await service.as(otherOffice).get(`/referrals/${referralId}`);
    expect(hidden.status).toBe(404);
  });

  it('answers a retried request with the first answer and one referral', async () => {
    const body = referralBody();
    const key = randomUUID();
    const first = await service.as(office).post('/referrals', body, { idempotencyKey: key });
    const retry = await service.as(office).post('/referrals', body, { idempotencyKey: key });
    expect(retry.body).toEqual(first.body);
    const mine = await service.as(office).get(`/referrals?caseId=${body.caseId}`, { minPosition: first.body.position });
    expect(mine.body.referrals).toHaveLength(1);
  });

  it('shows each agency only its own referrals', async () => {
    const body = referralBody();
    const requested = await service.as(office).post('/referrals', body);
    const seen = async (who: typeof office) =>
      (await service.as(who).get(`/referrals?caseId=${body.caseId}`, { minPosition: requested.body.position })).body
        .referrals.length;
    expect(await seen(office)).toBe(1);
    expect(await seen(lawang)).toBe(1);
    expect(await seen(otherOffice)).toBe(0);
    expect(await seen(menur)).toBe(0);
  });

  it('requests a referral when intake assesses a person for an RSJ, once however often told', async () => {
    const caseId = randomUUID();
    const personId = randomUUID();
    const data: AssessmentCompletedV1 = {
      caseId,
      personId,
      officeId: office.agencyId,
      decision: 'rsj',
      rsjId: lawang.agencyId,
    };
    const eventId = randomUUID();
    await publish(AssessmentCompletedV1, data, eventId);
    await publish(AssessmentCompletedV1, data, eventId);
    const home: AssessmentCompletedV1 = { caseId, personId, officeId: office.agencyId, decision: 'home' };
    await publish(AssessmentCompletedV1, home);

    const queue = await eventually(
      () => service.as(lawang).get(`/referrals?caseId=${caseId}`),
      (reply) => reply.body.referrals?.length > 0,
    );
    expect(queue.body.referrals).toEqual([
      expect.objectContaining({ personId, officeId: office.agencyId, status: 'requested', hasLetter: false }),
    ]);
    const referralId: string = queue.body.referrals[0].referralId;
    await eventually(
      async () => publishedAbout(referralId, RsjReferralRequestedV1),
      (found) => found.length > 0,
    );
    expect(publishedAbout(referralId, RsjReferralRequestedV1)[0]?.correlationid).toBeDefined();
  });

  it('refers a relapsed panti resident and sends them back to their placement on discharge', async () => {
    const placementId = randomUUID();
    const data: RelapseReportedV1 = {
      placementId,
      caseId: randomUUID(),
      personId: randomUUID(),
      pantiId: panti.agencyId,
      officeId: office.agencyId,
      rsjId: lawang.agencyId,
      at: new Date().toISOString(),
    };
    await publish(RelapseReportedV1, data);
    const queue = await eventually(
      () => service.as(lawang).get(`/referrals?caseId=${data.caseId}`),
      (reply) => reply.body.referrals?.length > 0,
    );
    expect(queue.body.referrals[0]).toMatchObject({ urgency: 'urgent', returnToPlacementId: placementId });
  });
});
