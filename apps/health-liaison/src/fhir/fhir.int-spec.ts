import { randomUUID } from 'node:crypto';
import type { Task } from 'fhir/r4';
import { validateFhir } from '@lintas/testing/fhir/fhir-validator';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { HEALTH_LIAISON_SERVICE } from '../health-liaison.service-definition';
import { eventually } from '@lintas/testing/eventually';
import { WebhookReceiver } from '@lintas/testing/webhooks/webhook-receiver';
import { BACKPORT } from '@lintas/webhooks/fhir/fhir-notifications';
import { NIK_SYSTEM, organizationOf, patientOf, RSJ_REFERRAL_TOPIC } from './referral.fhir';

/**
 * The FHIR R4 resources health-liaison serves, made from real referrals in each Task status and
 * checked by HAPI FHIR's validator against the R4 core profiles and terminology, in one batch:
 * also a Subscription and its notification, $status and $events bundles (the Backport IG's
 * profiles are not in the offline validator; the R4 core rules of Bundle and Parameters are).
 */
const infra = useRealInfrastructure();

const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const lawang = agency('rsj', 'rsj-lawang', '3507');

let service: ServiceUnderTest;

beforeAll(async () => {
  service = await startServiceUnderTest(HEALTH_LIAISON_SERVICE, infra);
});

async function referral(): Promise<{ id: string; personId: string; position: string }> {
  const personId = randomUUID();
  const requested = await service.as(office).post('/referrals', {
    caseId: randomUUID(),
    personId,
    rsjId: lawang.agencyId,
    urgency: 'emergency',
    guarantee: { kind: 'bpjs-pbi', reference: '0001234567890' },
    letter: {
      reason: 'bicara sendiri, menolak makan tiga hari',
      escort: 'dua petugas Satpol PP dan pekerja sosial',
      workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' },
    },
  });
  expect(requested.status).toBe(201);
  return { id: requested.body.id as string, personId, position: requested.body.position as string };
}

async function step(path: string, body: object, as = lawang): Promise<string> {
  const written = await service.as(as).post(path, body);
  expect(written.status).toBe(201);
  return written.body.position as string;
}

it('serves FHIR R4 resources that HAPI FHIR finds no error in', async () => {
  // A full-resource subscription, made first, so that its notifications carry the referrals below.
  const receiver = await WebhookReceiver.start((close) => infra.defer(close));
  const subscriptionId = randomUUID();
  const subscription = await service.as(lawang).put(`/fhir/Subscription/${subscriptionId}`, {
    resourceType: 'Subscription',
    status: 'requested',
    reason: 'rujukan untuk RSJ Lawang',
    criteria: RSJ_REFERRAL_TOPIC,
    channel: {
      type: 'rest-hook',
      endpoint: receiver.url,
      payload: 'application/fhir+json',
      _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: 'full-resource' }] },
      extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: 3600 }],
    },
  });
  expect(subscription.status).toBe(201);
  await eventually(
    async () => receiver.accepted,
    (found) => found.length === 1,
  );
  const requested = await referral();
  const accepted = await referral();
  await step(`/referrals/${accepted.id}/accept`, { expectedAdmissionOn: '2025-06-02' });
  const rejected = await referral();
  await step(`/referrals/${rejected.id}/decline`, { reason: 'other', note: 'tidak ada dokter jaga' });
  const admitted = await referral();
  await step(`/referrals/${admitted.id}/accept`, {});
  const admittedAt = await step(`/referrals/${admitted.id}/admission`, {
    ward: 'Wisma Sakura',
    hospitalRecordNumber: 'RM-000123',
  });
  const completed = await referral();
  await step(`/referrals/${completed.id}/accept`, {});
  await step(`/referrals/${completed.id}/admission`, { ward: 'Wisma Melati', hospitalRecordNumber: 'RM-000124' });
  await step(`/referrals/${completed.id}/discharge`, {
    dischargeType: 'medical-advice',
    recommendation: 'panti',
    pantiId: 'panti-bina-laras-kediri',
    medicationPlan: 'risperidone 2 mg dua kali sehari',
    summary: 'tenang, kooperatif',
    nextControlDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
  });
  const cancelled = await referral();
  await step(`/referrals/${cancelled.id}/withdraw`, { reason: 'keluarga menjemput' }, office);

  const rsj = service.as(lawang);
  const read = async (path: string, minPosition?: string) => {
    const answer = await rsj.get(path, minPosition ? { minPosition } : {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    return answer.body as object;
  };
  const resources: Record<string, unknown> = {};
  const expected = { requested, accepted, rejected, 'in-progress': admitted, completed, cancelled };
  for (const [status, { id }] of Object.entries(expected)) {
    const task = (await read(`/fhir/Task/${id}`)) as Task;
    expect(task.status).toBe(status);
    resources[`Task (${status})`] = task;
  }
  resources['ServiceRequest (active)'] = await read(`/fhir/ServiceRequest/${requested.id}`);
  resources['ServiceRequest (completed)'] = await read(`/fhir/ServiceRequest/${completed.id}`);
  resources['ServiceRequest (revoked)'] = await read(`/fhir/ServiceRequest/${cancelled.id}`);
  resources['Patient (admitted, medical record number)'] = await read(`/fhir/Patient/${admitted.personId}`, admittedAt);
  resources['Patient (no NIK)'] = await read(`/fhir/Patient/${requested.personId}`, requested.position);
  resources['Patient (NIK and IHS number)'] = patientOf({
    personId: requested.personId,
    nik: '3507014506900001',
    ihsNumber: 'P02478375538',
  });
  resources['Organization (rsj)'] = organizationOf(lawang.agencyId, 'rsj');
  resources['Organization (dinas-sosial)'] = organizationOf(office.agencyId, 'dinas-sosial');
  resources['Organization (panti)'] = organizationOf('panti-bina-laras-kediri', 'panti');
  const notified = await eventually(
    async () => receiver.accepted,
    (found) => found.length >= 2,
  );
  resources['Bundle (handshake)'] = notified[0]?.event;
  resources['Bundle (event-notification, full-resource)'] = notified[1]?.event;
  resources['Subscription'] = await read(`/fhir/Subscription/${subscriptionId}`);
  resources['Bundle ($status)'] = await read(`/fhir/Subscription/${subscriptionId}/$status`);
  resources['Bundle ($events, id-only)'] = await read(
    `/fhir/Subscription/${subscriptionId}/$events?eventsUntilNumber=3&content=id-only`,
  );
  const metadata = await fetch(`${service.url}/fhir/metadata`);
  resources['CapabilityStatement'] = await metadata.json();

  expect(JSON.stringify(resources['Patient (no NIK)'])).not.toContain(NIK_SYSTEM);
  expect(resources['Patient (admitted, medical record number)']).toMatchObject({
    identifier: expect.arrayContaining([expect.objectContaining({ value: 'RM-000123' })]),
  });

  const validations = await validateFhir(resources);
  expect(validations.map((v) => v.name)).toEqual(Object.keys(resources));
  // The offline validator has no Backport IG package: it says so of each profile that names it,
  // and checks the resource against R4 core. Nothing else may be an error.
  const unresolvedBackportProfile = (message: string) =>
    message.includes(BACKPORT) && /could not be found|Failed to retrieve profile/.test(message);
  const errors = validations
    .map((v) => ({ name: v.name, errors: v.errors.filter((e) => !unresolvedBackportProfile(e.message)) }))
    .filter((v) => v.errors.length > 0);
  expect(errors).toEqual([]);
  const warnings = validations.reduce((sum, v) => sum + v.warnings.length, 0);
  process.stdout.write(`FHIR validation: ${validations.length} resources, 0 errors, ${warnings} warnings\n`);
}, 300_000);
