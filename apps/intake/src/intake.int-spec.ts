import type { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import { CaseClosedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { PatientAbscondedV1, PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import {
  AssessmentCompletedV1,
  CaseTransferAcceptedV1,
  INTAKE_TOPIC,
  IntakeRegisteredV1,
  PersonHandedOverV1,
  PersonIdentifiedV1,
  EmergencyAccessGrantedV1,
  PersonsLinkedV1,
  PickupReportedV1,
} from '@lintas/contracts/intake/intake.contracts';
import { PlacedInPantiV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { eventually } from '@lintas/testing/eventually';
import { agency, type AgencyClient } from '@lintas/testing/http/agency-client';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * Intake over HTTP, PostgreSQL and Kafka: pickup to assessment with the contracts it publishes,
 * a person recognised and linked, a case transferred, the edge's refusals, the queues' least
 * privilege, and the other services' events it reacts to.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const polres = agency('polri', 'polres-malang', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const kediri = agency('dinas-sosial', 'dinsos-3571', '3571');
const surabaya = agency('dinas-sosial', 'dinsos-3578', '3578');
const rsj = agency('rsj', 'rsj-lawang', '3507');
const admin = agency('admin', 'lintas-admin', '35');
const menur = agency('rsj', 'rsj-menur', '3578');
const EMERGENCY_SECONDS = 3;

let service: ServiceUnderTest;
let neighbours: NeighbouringServices;
/** For looking behind the service's back at what it stores. */
let sql: Pool;
let serial = 0;

beforeAll(async () => {
  sql = infra.createPool({ max: 2 });
  // An emergency access that holds seconds, not hours, so that its end is seen.
  service = await startServiceUnderTest(INTAKE_SERVICE, infra, { EMERGENCY_ACCESS_SECONDS: String(EMERGENCY_SECONDS) });
  neighbours = await NeighbouringServices.open(infra, INTAKE_TOPIC);
});

/** A woman's NIK from Donomulyo, Kabupaten Malang: day + 40. */
function nik(birthDate: string): string {
  serial += 1;
  const [year, month, day] = birthDate.split('-');
  return `350701${Number(day) + 40}${month}${year?.slice(2)}${String(serial).padStart(4, '0')}`;
}

async function pickedUp(overrides: Record<string, unknown> = {}) {
  const reply = await service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    location: { text: 'Pasar Lawang', regionCode: '3507', districtCode: '350701', lat: -7.83, lon: 112.69 },
    circumstances: 'wandering',
    observedCondition: 'bingung, bicara sendiri',
    belongings: ['tas plastik'],
    descriptors: { sex: 'female', apparentAgeRange: '30-40' },
    ...overrides,
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; personId: string; version: number; position: string };
}

async function registered(office: AgencyClient = service.as(malang)) {
  const pickup = await pickedUp();
  const handOver = await service.as(satpol).post(`/pickups/${pickup.id}/hand-over`, { officeId: 'dinsos-3507' });
  expect(handOver.status).toBe(201);
  const reply = await office.post('/cases', {
    pickupId: pickup.id,
    personId: pickup.personId,
    categories: ['gelandangan-psikotik'],
  });
  expect(reply.status).toBe(201);
  return {
    pickupId: pickup.id,
    personId: pickup.personId,
    caseId: reply.body.id as string,
    caseNumber: reply.body.caseNumber as string,
  };
}

function publishedOf(contract: AnyContract, personId: string) {
  return neighbours.published.filter((e) => e.type === contract.type && e.subject === personId);
}

const publish = <Data extends { personId: string }>(contract: AnyContract, data: Data) =>
  neighbours.publish(contract, data.personId, data);

const whereabouts = (personId: string, as = malang, minPosition?: string) =>
  service.as(as).get(`/persons/${personId}/whereabouts`, minPosition ? { minPosition } : {});

describe('intake', () => {
  it('carries a person from pickup to assessment, and tells the other services', async () => {
    const body = {
      foundAt: '2025-03-01T22:15:00+07:00',
      location: { text: 'Pasar Lawang', regionCode: '3507', districtCode: '350701' },
      circumstances: ['wandering', 'at-risk'],
      observedCondition: 'bingung',
      descriptors: { sex: 'female' },
    };
    const key = randomUUID();
    const reported = await service.as(satpol).post('/pickups', body, { idempotencyKey: key });
    expect(reported.status).toBe(201);
    expect(reported.headers.get('etag')).toBe('"1"');
    const again = await service.as(satpol).post('/pickups', body, { idempotencyKey: key });
    expect(again.body).toEqual(reported.body);
    const { id: pickupId, personId } = reported.body;

    const refused = await service.as(polres).post(`/pickups/${pickupId}/hand-over`, { officeId: 'dinsos-3507' });
    // Another unit's pickup does not exist for it, on writes as on reads.
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('pickup.not-found');
    const toProvince = await service.as(satpol).post(`/pickups/${pickupId}/hand-over`, { officeId: 'rsj-lawang' });
    expect(toProvince.status).toBe(422);
    const handedOver = await service
      .as(satpol)
      .post(`/pickups/${pickupId}/hand-over`, { officeId: 'dinsos-3507', shelter: 'Rumah Singgah' }, { ifMatch: 1 });
    expect(handedOver.headers.get('etag')).toBe('"2"');
    const unitView = await service.as(satpol).get(`/pickups/${pickupId}`);
    expect(unitView.body).toMatchObject({ report: { pickupId }, handOver: { officeId: 'dinsos-3507' }, version: 2 });
    expect((await service.as(polres).get(`/pickups/${pickupId}`)).status).toBe(404);

    const opened = await service
      .as(malang)
      .post('/cases', { pickupId, personId, categories: ['gelandangan-psikotik'] });
    expect(opened.status).toBe(201);
    expect(opened.body.caseNumber).toMatch(/^3507-\d{4}-\d{5}$/);
    const caseId: string = opened.body.id;
    const twice = await service.as(malang).post('/cases', { pickupId, personId, categories: ['gelandangan-psikotik'] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('case.already-registered');

    const identified = await service.as(malang).post(`/cases/${caseId}/identification`, {
      name: 'Siti Aminah',
      nik: '3507 0157 0885 0000',
      birthDate: '1985-08-17',
      sex: 'female',
      source: 'family',
    });
    expect(identified.status).toBe(201);
    expect(identified.body).toMatchObject({ nikFlags: ['nik.invalid-serial'], duplicateCandidates: [] });
    const consent = await service.as(malang).post(`/cases/${caseId}/consent`, {
      purpose: 'rehabilitation and reunification',
      givenBy: 'legal-basis',
      legalBasis: 'UU 27/2022 Pasal 20',
    });
    expect(consent.status).toBe(201);
    const assessed = await service
      .as(malang)
      .post(`/cases/${caseId}/assessment`, { decision: 'rsj', rsjId: 'rsj-lawang' });
    expect(assessed.status).toBe(201);

    const view = await service.as(malang).get(`/cases/${caseId}`);
    expect(view.headers.get('etag')).toBe(`"${assessed.body.version}"`);
    expect(view.body).toMatchObject({
      caseNumber: opened.body.caseNumber,
      personId,
      identity: { name: 'Siti Aminah', nik: '3507015708850000', originRegionCode: '3507' },
      assessment: { decision: 'rsj', rsjId: 'rsj-lawang' },
      consents: [{ basis: 'legal-basis' }],
    });
    expect((await service.as(kediri).get(`/cases/${caseId}`)).status).toBe(404);

    const caseload = await service.as(malang).get('/work-queues/caseload', { minPosition: assessed.body.position });
    expect(caseload.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId, decision: 'rsj', identified: true })]),
    );
    expect((await service.as(kediri).get('/work-queues/caseload')).body).toEqual([]);

    await eventually(
      async () => neighbours.published,
      () => publishedOf(AssessmentCompletedV1, personId).length === 1,
    );
    for (const contract of [PickupReportedV1, PersonHandedOverV1, IntakeRegisteredV1, PersonIdentifiedV1]) {
      expect(publishedOf(contract, personId)).toHaveLength(1);
    }
    expect(publishedOf(PickupReportedV1, personId)[0]?.data).toEqual({
      pickupId,
      personId,
      unitId: 'satpolpp-3507',
      foundAt: '2025-03-01T15:15:00.000Z',
      regionCode: '3507',
      circumstances: 'wandering, at-risk',
    });
    expect(publishedOf(PersonIdentifiedV1, personId)[0]?.data).toEqual({ caseId, personId, originRegionCode: '3507' });
    expect(JSON.stringify(neighbours.published)).not.toContain('Siti Aminah');
    expect(publishedOf(AssessmentCompletedV1, personId)[0]?.data).toEqual({
      caseId,
      personId,
      officeId: 'dinsos-3507',
      decision: 'rsj',
      rsjId: 'rsj-lawang',
    });

    const where = await whereabouts(personId, malang, assessed.body.position);
    expect(where.body).toMatchObject({ stage: 'at-dinas-sosial', agencyId: 'dinsos-3507' });
    expect((await whereabouts(personId, surabaya)).status).toBe(404);
  });

  it("records every read of a person's data before answering, and every refused attempt", async () => {
    const { caseId, personId } = await registered();
    const identified = await service.as(malang).post(`/cases/${caseId}/identification`, {
      name: 'Wahyuni',
      sex: 'female',
      birthYear: 1979,
      source: 'self-report',
      confidence: 'probable',
    });
    expect(identified.status).toBe(201);
    const recordsOf = async () =>
      (
        await sql.query<{
          outcome: string;
          status: number;
          agency_id: string | null;
          client_id: string | null;
          route: string;
          person_ids: string[];
          fields: string[];
          reason: string | null;
        }>(
          `SELECT outcome, status, agency_id, client_id, route, person_ids::text[] AS person_ids, fields, reason
             FROM intake.access_records WHERE params->>'caseId' = $1 AND route = '/cases/:caseId' ORDER BY id`,
          [caseId],
        )
      ).rows;

    expect((await service.as(malang).get(`/cases/${caseId}`)).status).toBe(200);
    const [read, ...none] = await recordsOf();
    expect(none).toEqual([]);
    expect(read).toMatchObject({
      outcome: 'granted',
      status: 200,
      agency_id: 'dinsos-3507',
      client_id: malang.clientId,
      route: '/cases/:caseId',
      person_ids: [personId],
    });
    expect(read?.fields).toEqual(expect.arrayContaining(['identity.name', 'identity.sex', 'identity.birthYear']));
    expect(read?.fields).not.toContain('identity.nik');

    expect((await service.as(kediri).get(`/cases/${caseId}`)).status).toBe(404);
    expect((await service.as(rsj).get(`/cases/${caseId}`)).status).toBe(403);
    expect((await fetch(`${service.url}/cases/${caseId}`)).status).toBe(401);
    expect((await recordsOf()).slice(1)).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status: 404,
        agency_id: 'dinsos-3571',
        reason: 'case.not-found',
        person_ids: [],
      }),
      expect.objectContaining({
        outcome: 'refused',
        status: 403,
        agency_id: 'rsj-lawang',
        reason: 'agency.not-allowed',
      }),
      expect.objectContaining({
        outcome: 'refused',
        status: 401,
        agency_id: null,
        client_id: null,
        reason: 'agency.not-authenticated',
      }),
    ]);
    // The trail keeps no personal data of its own: ids and field names only.
    expect(JSON.stringify(await recordsOf())).not.toContain('Wahyuni');

    const own = await service.as(malang).get(`/persons/${personId}/access-records`);
    expect(own.status).toBe(200);
    expect(own.body.records.map((r: { route: string; outcome: string }) => `${r.outcome} ${r.route}`)).toEqual(
      expect.arrayContaining(['granted /cases/:caseId']),
    );
    expect((await service.as(kediri).get(`/persons/${personId}/access-records`)).status).toBe(404);
    const audited = await service.as(admin).get(`/persons/${personId}/access-records?limit=500`);
    // The office's look at the records is itself a look at the person, recorded like any other.
    expect(audited.body.records[0]).toMatchObject({ agencyId: 'dinsos-3571', outcome: 'refused', status: 404 });
    expect(audited.body.records[1]).toMatchObject({
      agencyId: 'dinsos-3507',
      route: '/persons/:personId/access-records',
    });
    await expect(sql.query(`DELETE FROM intake.access_records WHERE params->>'caseId' = $1`, [caseId])).rejects.toThrow(
      /append-only/,
    );
  });

  it('lets an agency outside the rules in for a while under break-the-glass; the owning office is told and reviews it', async () => {
    const { caseId, personId } = await registered();
    expect((await service.as(menur).get(`/cases/${caseId}`)).status).toBe(403);
    const reason = 'brought unconscious to our emergency room; we need the history';
    expect((await service.as(menur).post(`/persons/${personId}/emergency-access`, { reason: 'urgent' })).status).toBe(
      400,
    );
    const taken = await service.as(menur).post(`/persons/${personId}/emergency-access`, { reason });
    expect(taken.status).toBe(201);
    const accessId: string = taken.body.id;
    expect(Date.parse(taken.body.expiresAt) - Date.now()).toBeLessThanOrEqual(EMERGENCY_SECONDS * 1000);

    const read = await service.as(menur).get(`/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.personId).toBe(personId);
    expect((await service.as(menur).get(`/persons/${personId}/journey`)).status).toBe(200);
    // It is the RSJ's, for this person only.
    expect((await service.as(kediri).get(`/cases/${caseId}`)).status).toBe(404);
    const { rows: recorded } = await sql.query<{ reason: string; agency_id: string }>(
      `SELECT reason, agency_id FROM intake.access_records WHERE params->>'caseId' = $1 AND outcome = 'granted'`,
      [caseId],
    );
    expect(recorded).toEqual([{ reason: `emergency-access:${accessId}`, agency_id: 'rsj-menur' }]);

    const queue = await service.as(malang).get('/work-queues/emergency-accesses', { minPosition: taken.body.position });
    expect(queue.body.find((row: { accessId: string }) => row.accessId === accessId)).toMatchObject({
      personId,
      agencyId: 'rsj-menur',
      agencyKind: 'rsj',
      reason,
      active: true,
      reviewDue: false,
      verdict: null,
    });
    const elsewhere = await service.as(kediri).get('/work-queues/emergency-accesses');
    expect(elsewhere.body.map((row: { accessId: string }) => row.accessId)).not.toContain(accessId);
    expect(
      (await service.as(kediri).post(`/emergency-accesses/${accessId}/review`, { verdict: 'justified' })).status,
    ).toBe(404);

    // It ends on time: the RSJ is refused again, and the office now owes its review.
    await eventually(
      () => service.as(menur).get(`/cases/${caseId}`),
      (reply) => reply.status === 403,
      { timeoutMs: (EMERGENCY_SECONDS + 5) * 1000 },
    );
    const due = await service.as(malang).get('/work-queues/emergency-accesses');
    expect(due.body.find((row: { accessId: string }) => row.accessId === accessId)).toMatchObject({
      active: false,
      reviewDue: true,
    });
    const reviewed = await service.as(malang).post(`/emergency-accesses/${accessId}/review`, {
      verdict: 'justified',
      note: 'the person was in crisis at night',
    });
    expect(reviewed.status).toBe(201);
    expect(
      (await service.as(malang).post(`/emergency-accesses/${accessId}/review`, { verdict: 'justified' })).status,
    ).toBe(409);
    const published = await eventually(
      async () => publishedOf(EmergencyAccessGrantedV1, personId),
      (events) => events.length === 1,
    );
    expect(published[0]?.data).toMatchObject({
      accessId,
      personId,
      agencyId: 'rsj-menur',
      owningOfficeIds: ['dinsos-3507'],
    });
    expect(JSON.stringify(published)).not.toContain('unconscious');
  });

  it('refuses what the edge must refuse', async () => {
    const unknownField = await service.as(satpol).post('/pickups', { foundAt: new Date().toISOString(), nama: 'x' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownField.body.errors).toEqual(
      expect.arrayContaining([{ field: 'nama', messages: ['property nama should not exist'] }]),
    );
    expect((await service.as(rsj).post('/pickups', {})).status).toBe(403);
    const elsewhere = await service.as(agency('satpol-pp', 'satpolpp-3571', '3571')).post('/pickups', {
      foundAt: new Date().toISOString(),
      location: { text: 'x', regionCode: '3507' },
      circumstances: 'wandering',
      observedCondition: 'x',
      descriptors: { sex: 'male' },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('pickup.outside-unit-region');
    const { caseId } = await registered();
    const notOwner = await service.as(kediri).post(`/cases/${caseId}/assessment`, { decision: 'home' });
    expect(notOwner.status).toBe(404);
    const noRsj = await service.as(malang).post(`/cases/${caseId}/assessment`, { decision: 'rsj' });
    expect(noRsj.status).toBe(422);
    expect(noRsj.body.code).toBe('assessment.rsj-required');
  });

  it('recognises a person picked up again and links the records, both histories kept', async () => {
    const birthDate = '1979-07-21';
    const identity = {
      name: 'Sumarni',
      nik: nik(birthDate),
      birthDate,
      sex: 'female',
      source: 'family',
      originRegionCode: '3507',
    };
    const earlier = await registered();
    const first = await service.as(malang).post(`/cases/${earlier.caseId}/identification`, identity);
    expect(first.body.duplicateCandidates).toEqual([]);
    // What the matcher keeps to compare with is sealed with the person's key, like the events.
    const kept = await eventually(
      async () =>
        (
          await sql.query<{ identity: string }>(
            'SELECT identity::text FROM intake.known_persons WHERE person_id = $1',
            [earlier.personId],
          )
        ).rows,
      (rows) => rows.length === 1 && rows[0]?.identity !== null,
    );
    expect(kept[0]?.identity).not.toContain(identity.nik);
    expect(kept[0]?.identity).not.toContain(identity.name);

    const again = await registered();
    const second = await service
      .as(malang)
      .post(`/cases/${again.caseId}/identification`, { ...identity, name: 'Soemarni' });
    expect(second.body.duplicateCandidates).toEqual([
      { personId: earlier.personId, score: 1, reasons: ['same-nik', 'similar-name', 'same-birth-year', 'same-region'] },
    ]);
    // Answering the earlier person to the office is a read of them, recorded as a GET's would be.
    const { rows: reads } = await sql.query<{
      outcome: string;
      status: number;
      person_ids: string[];
      agency_id: string;
    }>(
      `SELECT outcome, status, person_ids::text[] AS person_ids, agency_id FROM intake.access_records
        WHERE route = '/cases/:caseId/identification' AND params->>'caseId' = $1`,
      [again.caseId],
    );
    expect(reads).toEqual([
      {
        outcome: 'granted',
        status: 201,
        person_ids: expect.arrayContaining([earlier.personId]),
        agency_id: 'dinsos-3507',
      },
    ]);
    const linked = await service.as(malang).post(`/cases/${again.caseId}/link`, { survivorPersonId: earlier.personId });
    expect(linked.status).toBe(201);
    const twice = await service.as(malang).post(`/cases/${again.caseId}/link`, { survivorPersonId: earlier.personId });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('case.already-linked');

    const journey = await eventually(
      () => service.as(admin).get(`/persons/${earlier.personId}/journey`),
      (r) =>
        r.status === 200 &&
        r.body.persons.includes(again.personId) &&
        r.body.steps.some((step: { type: string }) => step.type === 'PersonsLinked'),
    );
    const types = (journey.body.steps as { type: string }[]).map((s) => s.type);
    expect(types.filter((t) => t === 'PickupReported')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['DuplicateCandidateFound', 'PersonsLinked']));
    await eventually(
      async () => neighbours.published,
      () => publishedOf(PersonsLinkedV1, again.personId).length === 1,
    );
    expect(publishedOf(PersonsLinkedV1, again.personId)[0]?.data).toEqual({
      survivorPersonId: earlier.personId,
      linkedPersonId: again.personId,
      decidedBy: 'dinsos-3507',
    });

    // A third record of the same person is proposed the survivor only, not the record linked into it.
    const third = await registered();
    const proposed = await service.as(malang).post(`/cases/${third.caseId}/identification`, identity);
    expect(proposed.body.duplicateCandidates.map((c: { personId: string }) => c.personId)).toEqual([earlier.personId]);
    const rejected = await service
      .as(malang)
      .post(`/cases/${third.caseId}/duplicate-candidates/${earlier.personId}/reject`, {
        reason: 'twin sister',
      });
    expect(rejected.status).toBe(201);
    const view = await service.as(malang).get(`/cases/${third.caseId}`);
    expect(view.body.duplicateCandidates).toEqual([
      expect.objectContaining({ personId: earlier.personId, status: 'rejected' }),
    ]);
  });

  it('transfers a case to the office of the region of origin, which alone may accept it', async () => {
    const { caseId, personId } = await registered();
    const requested = await service.as(malang).post(`/cases/${caseId}/transfer`, {
      toOfficeId: 'dinsos-3571',
      reason: 'family lives in Kota Kediri',
    });
    expect(requested.status).toBe(201);
    const incoming = await service
      .as(kediri)
      .get('/work-queues/incoming-transfers', { minPosition: requested.body.position });
    expect(incoming.body).toEqual([expect.objectContaining({ caseId, transferTo: 'dinsos-3571' })]);
    expect((await service.as(kediri).get(`/cases/${caseId}`)).body).toMatchObject({
      transfer: { toOfficeId: 'dinsos-3571' },
    });

    const byOwner = await service.as(malang).post(`/cases/${caseId}/transfer/accept`, {});
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.code).toBe('case-transfer.not-addressee');
    const accepted = await service.as(kediri).post(`/cases/${caseId}/transfer/accept`, {});
    expect(accepted.status).toBe(201);

    const kediriLoad = await service.as(kediri).get('/work-queues/caseload', { minPosition: accepted.body.position });
    expect(kediriLoad.body.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const malangLoad = await service.as(malang).get('/work-queues/caseload');
    expect(malangLoad.body.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    expect((await service.as(malang).post(`/cases/${caseId}/assessment`, { decision: 'home' })).status).toBe(404);
    expect((await service.as(kediri).post(`/cases/${caseId}/assessment`, { decision: 'home' })).status).toBe(201);
    await eventually(
      async () => neighbours.published,
      () => publishedOf(CaseTransferAcceptedV1, personId).length === 1,
    );
    expect(publishedOf(CaseTransferAcceptedV1, personId)[0]?.data).toEqual({
      caseId,
      personId,
      fromOfficeId: 'dinsos-3507',
      toOfficeId: 'dinsos-3571',
    });
  });

  it('follows the person through the other services, and their case ends with them', async () => {
    const placed = await registered();
    await publish(PlacedInPantiV1, {
      placementId: randomUUID(),
      caseId: placed.caseId,
      personId: placed.personId,
      pantiId: 'panti-bina-laras-kediri',
      admittedAt: new Date().toISOString(),
    } satisfies PlacedInPantiV1);
    await eventually(
      () => whereabouts(placed.personId),
      (r) => r.body.stage === 'in-panti',
    );

    const escaped = await registered();
    await publish(PatientAbscondedV1, {
      referralId: randomUUID(),
      caseId: escaped.caseId,
      personId: escaped.personId,
      rsjId: 'rsj-lawang',
      at: new Date().toISOString(),
    } satisfies PatientAbscondedV1);
    await eventually(
      () => service.as(malang).get(`/cases/${escaped.caseId}`),
      (r) => r.body.abscondedAt !== null,
    );
    await eventually(
      () => whereabouts(escaped.personId),
      (r) => r.body.stage === 'absconded',
    );

    const closed = await registered();
    await publish(CaseClosedV1, {
      reunificationId: randomUUID(),
      caseId: closed.caseId,
      personId: closed.personId,
      officeId: 'dinsos-3507',
      outcome: 'reunified',
      at: new Date().toISOString(),
    } satisfies CaseClosedV1);
    await eventually(
      () => whereabouts(closed.personId),
      (r) => r.body.stage === 'closed',
    );
    const view = await service.as(malang).get(`/cases/${closed.caseId}`);
    expect(view.body).toMatchObject({ status: 'closed', outcome: 'reunified' });
    expect((await service.as(malang).post(`/cases/${closed.caseId}/assessment`, { decision: 'home' })).body.code).toBe(
      'case.closed',
    );

    const died = await registered();
    await publish(PersonDiedV1, {
      personId: died.personId,
      caseId: died.caseId,
      at: new Date().toISOString(),
      reportedBy: 'rsj-lawang',
    } satisfies PersonDiedV1);
    await eventually(
      () => whereabouts(died.personId),
      (r) => r.body.stage === 'died',
    );
    const transfer = await service
      .as(malang)
      .post(`/cases/${died.caseId}/transfer`, { toOfficeId: 'dinsos-3571', reason: 'x' });
    expect(transfer.body.code).toBe('case.person-deceased');
  });
});
