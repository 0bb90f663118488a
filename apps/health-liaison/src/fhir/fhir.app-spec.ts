import { randomUUID } from 'node:crypto';
import type { Task } from 'fhir/r4';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { agency, type AgencyClient } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { HEALTH_LIAISON_SERVICE } from '../health-liaison.service-definition';
import { LINTAS_SYSTEMS } from './referral.fhir';

/**
 * An RSJ's own system answering referrals over FHIR alone: its Task updates are the REST routes'
 * commands, so that a referral it drove through FHIR reads the same as one driven through REST.
 */
const infra = useRealInfrastructure();

const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const lawang = agency('rsj', 'rsj-lawang', '3507');
const menur = agency('rsj', 'rsj-menur', '3578');

let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC);
});

const ADMITTED_AT = '2025-06-02T09:30:00+07:00';
const DISCHARGED_AT = '2025-07-28T10:00:00+07:00';

async function requestReferral(): Promise<{ referralId: string; personId: string }> {
  const personId = randomUUID();
  const requested = await tier.service.as(office).post('/referrals', {
    caseId: randomUUID(),
    personId,
    rsjId: lawang.agencyId,
    urgency: 'urgent',
    guarantee: { kind: 'bpjs-pbi' },
    letter: { reason: 'gelisah, tidak tidur', workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' } },
  });
  expect(requested.status).toBe(201);
  return { referralId: requested.body.id as string, personId };
}

const output = (code: string, value: object) => ({
  type: { coding: [{ system: LINTAS_SYSTEMS.taskOutput, code }] },
  ...value,
});

/** Reads the Task, changes it as the RSJ's system would, and puts it back on the version read. */
async function updateTask(rsj: AgencyClient, referralId: string, change: (task: Task) => Task) {
  const read = await rsj.get<Task>(`/fhir/Task/${referralId}`);
  expect(read.status).toBe(200);
  const etag = read.headers.get('etag') ?? '';
  return rsj.put<Task>(`/fhir/Task/${referralId}`, change(read.body), { headers: { 'if-match': etag } });
}

/** What both paths must agree on; the decision's time is each request's own. */
function comparable(details: Record<string, unknown>) {
  const { referralId: _r, caseId: _c, personId: _p, requestedAt: _t, decision, ...rest } = details;
  const { at: _at, ...decided } = (decision ?? {}) as Record<string, unknown>;
  return { ...rest, decision: decided };
}

describe('health-liaison over FHIR', () => {
  it('reads a referral driven by Task updates alone as one driven through REST', async () => {
    const viaRest = await requestReferral();
    const rsjRest = tier.service.as(lawang);
    const restId = viaRest.referralId;
    expect((await rsjRest.post(`/referrals/${restId}/accept`, { expectedAdmissionOn: '2025-06-02' })).status).toBe(201);
    expect(
      (
        await rsjRest.post(`/referrals/${restId}/admission`, {
          ward: 'Wisma Sakura',
          hospitalRecordNumber: 'RM-000123',
          occurredAt: ADMITTED_AT,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await rsjRest.post(`/referrals/${restId}/discharge`, {
          dischargeType: 'medical-advice',
          recommendation: 'panti',
          pantiId: 'panti-bina-laras-kediri',
          medicationPlan: 'risperidone 2 mg dua kali sehari',
          summary: 'tenang, kooperatif',
          nextControlDate: '2025-08-11',
          occurredAt: DISCHARGED_AT,
        })
      ).status,
    ).toBe(201);

    const viaFhir = await requestReferral();
    const rsj = tier.service.as(lawang);
    const id = viaFhir.referralId;
    const accepted = await updateTask(rsj, id, (task) => ({
      ...task,
      status: 'accepted',
      output: [output('expected-admission-on', { valueDate: '2025-06-02' })],
    }));
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(accepted.body).toMatchObject({ resourceType: 'Task', status: 'accepted', meta: { versionId: '3' } });
    expect(accepted.headers.get('etag')).toBe('W/"3"');

    const admitted = await updateTask(rsj, id, (task) => ({
      ...task,
      status: 'in-progress',
      executionPeriod: { start: ADMITTED_AT },
      output: [
        ...(task.output ?? []),
        output('ward', { valueString: 'Wisma Sakura' }),
        output('hospital-record-number', { valueIdentifier: { value: 'RM-000123' } }),
      ],
    }));
    expect(admitted.body).toMatchObject({ status: 'in-progress' });

    const completed = await updateTask(rsj, id, (task) => ({
      ...task,
      status: 'completed',
      executionPeriod: { start: ADMITTED_AT, end: DISCHARGED_AT },
      output: [
        ...(task.output ?? []),
        output('discharge-type', {
          valueCodeableConcept: { coding: [{ system: LINTAS_SYSTEMS.dischargeType, code: 'medical-advice' }] },
        }),
        output('discharge-recommendation', {
          valueCodeableConcept: { coding: [{ system: LINTAS_SYSTEMS.dischargeRecommendation, code: 'panti' }] },
        }),
        output('panti', { valueReference: { reference: 'Organization/panti-bina-laras-kediri' } }),
        output('medication-plan', { valueString: 'risperidone 2 mg dua kali sehari' }),
        output('summary', { valueString: 'tenang, kooperatif' }),
        output('next-control-date', { valueDate: '2025-08-11' }),
      ],
    }));
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', executionPeriod: { end: DISCHARGED_AT } });

    // Putting the same Task again changes nothing (an update is idempotent).
    const again = await rsj.put<Task>(`/fhir/Task/${id}`, completed.body);
    expect(again.status).toBe(200);
    expect(again.body.meta?.versionId).toBe(completed.body.meta?.versionId);

    const rest = await rsj.get(`/referrals/${restId}`);
    const fhir = await rsj.get(`/referrals/${id}`);
    expect(fhir.body.status).toBe('discharged');
    expect(comparable(fhir.body as Record<string, unknown>)).toEqual(comparable(rest.body as Record<string, unknown>));
  });

  it('declines through a rejected Task with its reason, and refuses one without', async () => {
    const { referralId } = await requestReferral();
    const rsj = tier.service.as(lawang);
    const bare = await updateTask(rsj, referralId, (task) => ({ ...task, status: 'rejected' }));
    expect(bare.status).toBe(422);
    expect(bare.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(bare.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'processing' }],
    });

    const rejected = await updateTask(rsj, referralId, (task) => ({
      ...task,
      status: 'rejected',
      statusReason: { coding: [{ system: LINTAS_SYSTEMS.declineReason, code: 'no-bed' }], text: 'penuh' },
    }));
    expect(rejected.status).toBe(200);
    const details = await rsj.get(`/referrals/${referralId}`);
    expect(details.body).toMatchObject({ status: 'declined', decision: { reason: 'no-bed', note: 'penuh' } });
  });

  it('shows a referral only to its RSJ, as an OperationOutcome to the others, and records the reads', async () => {
    const { referralId, personId } = await requestReferral();
    const other = await tier.service.as(menur).get(`/fhir/Task/${referralId}`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    const otherPut = await tier.service
      .as(menur)
      .put(`/fhir/Task/${referralId}`, { resourceType: 'Task', status: 'accepted' });
    expect(otherPut.status).toBe(404);
    const officeRead = await tier.service.as(office).get(`/fhir/ServiceRequest/${referralId}`);
    expect(officeRead.status).toBe(403);
    expect(officeRead.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] });
    expect((await tier.service.as(menur).get(`/fhir/Patient/${personId}`)).status).toBe(404);

    const request = await tier.service.as(lawang).get(`/fhir/ServiceRequest/${referralId}`);
    expect(request.body).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'active',
      subject: { reference: `Patient/${personId}` },
      reasonCode: [{ text: 'gelisah, tidak tidur' }],
    });
    const records = await tier.service.as(office).get(`/persons/${personId}/access-records`);
    expect(records.status).toBe(200);
    const routes = (records.body.records as { route: string; outcome: string; agencyId: string }[]).map(
      (record) => `${record.agencyId} ${record.outcome} ${record.route}`,
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        `rsj-lawang granted /fhir/ServiceRequest/:referralId`,
        `rsj-menur refused /fhir/Patient/:personId`,
      ]),
    );
  });

  it('serves its CapabilityStatement to anyone', async () => {
    const metadata = await fetch(`${tier.service.url}/fhir/metadata`);
    expect(metadata.status).toBe(200);
    expect(metadata.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(await metadata.json()).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });
});
