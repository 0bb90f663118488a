import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import {
  INTAKE_TOPIC,
  PickupReportedV1,
  TracingMatchConfirmedV1,
  TracingMatchRejectedV1,
  TracingRequestRegisteredV1,
} from '@lintas/contracts/intake/intake.contracts';
import type { CloudEvent } from '@lintas/messaging/cloudevents/cloud-event';
import { toKafkaMessage } from '@lintas/messaging/cloudevents/kafka-binary-binding';
import { PgLogTransport } from '@lintas/messaging/transport/pg-log/pg-log-transport';
import type { Publisher } from '@lintas/messaging/transport/transport';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { AUDIT_SERVICE } from '../../audit.service-definition';

/**
 * A family's search and the person found are one trail once a social worker confirms them, and two
 * again when the family then does not recognise the person (a confirmed match rejected).
 */
const infra = useRealInfrastructure();
const admin = agency('admin', 'lintas-admin', '35');
let tier: ApplicationTier;
let publisher: Publisher;

beforeAll(async () => {
  tier = await startOnPgLog(AUDIT_SERVICE, infra, INTAKE_TOPIC);
  const transport = new PgLogTransport({ pool: infra.createPool() });
  publisher = await transport.publisher();
  infra.defer(async () => {
    await publisher.close();
    await transport.close();
  });
}, 90_000);

async function publish(contract: AnyContract, subject: string, data: unknown): Promise<string> {
  const id = randomUUID();
  const event: CloudEvent = {
    specversion: '1.0',
    id,
    source: '/lintas/intake',
    type: contract.type,
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: id,
    data,
  };
  await publisher.send([toKafkaMessage(event, infra.topics.name(contract.topic), subject)]);
  return id;
}

const trailOf = (personId: string, done: (eventIds: string[]) => boolean) =>
  eventually(
    async () =>
      ((await tier.service.as(admin).get(`/persons/${personId}/trail`)).body.steps as { eventId: string }[]).map(
        (step) => step.eventId,
      ),
    done,
  );

it('joins the relative sought and the person found on a confirmation, and parts them on a rejection', async () => {
  const [sought, found, tracingRequestId, caseId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const office = { officeId: 'dinsos-3571' };
  const registered = await publish(TracingRequestRegisteredV1, sought, {
    tracingRequestId,
    personId: sought,
    ...office,
    registeredBy: 'dinsos-3571',
  });
  const pickedUp = await publish(PickupReportedV1, found, {
    pickupId: randomUUID(),
    personId: found,
    unitId: 'satpolpp-3507',
    foundAt: new Date().toISOString(),
    regionCode: '3507',
    circumstances: 'wandering',
  });
  expect(await trailOf(found, (ids) => ids.includes(pickedUp))).not.toContain(registered);

  const confirmed = await publish(TracingMatchConfirmedV1, sought, {
    tracingRequestId,
    personId: found,
    caseId,
    caseOfficeId: 'dinsos-3507',
    requestOfficeId: 'dinsos-3571',
    familyRegionCode: '3571',
  });
  const joined = await trailOf(found, (ids) => ids.includes(confirmed));
  expect(joined).toEqual(expect.arrayContaining([registered, pickedUp, confirmed]));
  expect(await trailOf(sought, (ids) => ids.includes(pickedUp))).toEqual(expect.arrayContaining([registered]));

  const rejected = await publish(TracingMatchRejectedV1, sought, { tracingRequestId, personId: found, ...office });
  const parted = await trailOf(sought, (ids) => ids.includes(rejected));
  expect(parted).not.toContain(pickedUp);
  expect(await trailOf(found, (ids) => !ids.includes(registered))).toEqual([pickedUp]);
});

it("shows a person's trail to the offices that dealt with them and to admins, to no other office", async () => {
  const [person, tracingRequestId] = [randomUUID(), randomUUID()];
  const registered = await publish(TracingRequestRegisteredV1, person, {
    tracingRequestId,
    personId: person,
    officeId: 'dinsos-3571',
    registeredBy: 'polres-kediri',
  });
  await trailOf(person, (ids) => ids.includes(registered));
  const owner = await tier.service.as(agency('dinas-sosial', 'dinsos-3571', '3571')).get(`/persons/${person}/trail`);
  expect(owner.status).toBe(200);
  expect((owner.body.steps as { eventId: string }[]).map((step) => step.eventId)).toEqual([registered]);
  const province = { ...agency('dinas-sosial-provinsi', 'dinsos-prov-35', '35'), supervises: ['dinsos-3571'] };
  expect((await tier.service.as(province).get(`/persons/${person}/trail`)).status).toBe(200);
  const elsewhere = await tier.service
    .as(agency('dinas-sosial', 'dinsos-3578', '3578'))
    .get(`/persons/${person}/trail`);
  expect(elsewhere).toMatchObject({ status: 404, body: { code: 'person.not-found' } });
  expect((await tier.service.as(agency('rsj', 'rsj-lawang', '3507')).get(`/persons/${person}/trail`)).status).toBe(403);
});
