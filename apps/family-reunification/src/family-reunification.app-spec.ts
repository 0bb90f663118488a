import { randomUUID } from 'node:crypto';
import {
  FAMILY_REUNIFICATION_TOPIC,
  FamilyTracedV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { AssessmentCompletedV1, CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { RehabilitationTerminatedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { toKafkaMessage } from '@lintas/messaging/cloudevents/kafka-binary-binding';
import { DeadLetters } from '@lintas/messaging/inbox/dead-letters';
import { PgLogTransport } from '@lintas/messaging/transport/pg-log/pg-log-transport';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type AgencyClient } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { reunificationStream } from './domain/reunification/reunification.stream';
import { FAMILY_REUNIFICATION_SERVICE } from './family-reunification.service-definition';

/**
 * Family-reunification's command handlers, reactions and read models on PostgreSQL, its
 * hand-overs on the PostgreSQL log: what a write answers and publishes, how another service's
 * hand-over becomes a reunification, what a read sees after a write, and where a hand-over goes
 * that the reunification rules refuse.
 */
const infra = useRealInfrastructure();

const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const kediri = agency('dinas-sosial', 'dinsos-3571', '3571');
const panti = agency('panti', 'panti-bina-laras-kediri', '3571');

let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(FAMILY_REUNIFICATION_SERVICE, infra, FAMILY_REUNIFICATION_TOPIC);
});

const office = () => tier.service.as(malang);

function reunificationOf(caseId: string, client: AgencyClient = office()) {
  return eventually(
    () => client.get(`/cases/${caseId}/reunification`),
    (reply) => reply.status === 200,
  );
}

/** Intake's assessment sends a person home: resolves with the reunification it started. */
async function assessedForHome(officeId = malang.agencyId) {
  const data: AssessmentCompletedV1 = { caseId: randomUUID(), personId: randomUUID(), officeId, decision: 'home' };
  const eventId = await tier.neighbours.publish(AssessmentCompletedV1, data.personId, data);
  const started = await reunificationOf(data.caseId);
  return { ...data, eventId, reunificationId: started.body.reunificationId as string };
}

const familyInMalang = {
  relation: 'ibu',
  name: 'Ibu Sumiati',
  contact: '+62 812 0000 0001',
  regionCode: '350701',
  verifiedBy: 'home visit, mother recognised him',
};

describe('family-reunification application', () => {
  it('answers a write with the version as ETag and the position, and publishes its event', async () => {
    const { reunificationId, caseId, personId, eventId } = await assessedForHome();

    const traced = await office().post(`/reunifications/${reunificationId}/family-traced`, familyInMalang, {
      ifMatch: 1,
    });
    expect(traced.status).toBe(201);
    expect(traced.body).toEqual({ id: reunificationId, version: 2, position: expect.any(String) });
    expect(traced.headers.get('etag')).toBe('"2"');
    expect(traced.headers.get('x-lintas-position')).toBe(traced.body.position);

    const stale = await office().post(
      `/reunifications/${reunificationId}/family-not-found`,
      { efforts: 'x' },
      {
        ifMatch: 1,
      },
    );
    expect(stale.status).toBe(412);

    const [told] = await eventually(
      async () => tier.neighbours.publishedAs(FamilyTracedV1, personId),
      (found) => found.length > 0,
    );
    // The office's write continues the journey the hand-over began.
    expect(told).toMatchObject({ correlationid: eventId });
    expect(told?.data).toEqual({ reunificationId, caseId, personId, officeId: malang.agencyId, regionCode: '350701' });
  });

  it('starts tracing for the office that owns the case now when a person is handed to the family', async () => {
    const caseId = randomUUID();
    const personId = randomUUID();
    const transfer: CaseTransferAcceptedV1 = {
      caseId,
      personId,
      fromOfficeId: malang.agencyId,
      toOfficeId: kediri.agencyId,
    };
    await tier.neighbours.publish(CaseTransferAcceptedV1, personId, transfer);
    const handOver: AssessmentCompletedV1 = { caseId, personId, officeId: malang.agencyId, decision: 'community' };
    const eventId = await tier.neighbours.publish(AssessmentCompletedV1, personId, handOver);

    const started = await reunificationOf(caseId, tier.service.as(kediri));
    expect(started.body).toMatchObject({
      caseId,
      personId,
      officeId: kediri.agencyId,
      status: 'tracing',
      startedFrom: 'assessment',
      version: 1,
    });
    const store = tier.service.app.get(EventStore);
    const [first] = await store.readStream(reunificationStream.streamId(started.body.reunificationId));
    expect(first?.metadata).toMatchObject({
      personId,
      correlationId: eventId,
      causationId: eventId,
      actor: { agencyId: 'lintas-family-reunification', clientId: `reaction:${AssessmentCompletedV1.type}` },
    });
  });

  it('shows a write in the read models as soon as they reached its position', async () => {
    const { reunificationId, caseId } = await assessedForHome();
    await office().post(`/reunifications/${reunificationId}/family-traced`, familyInMalang);
    await office().post(`/reunifications/${reunificationId}/home-visit`, { readiness: 'ready' });
    const completed = await office().post(`/reunifications/${reunificationId}/complete`, {
      handedTo: 'Ibu Sumiati',
      relation: 'ibu',
      place: 'rumah keluarga',
      occurredAt: '2025-05-31T10:00:00+07:00',
    });
    expect(completed.status).toBe(201);
    const minPosition: string = completed.body.position;

    const home = await office().get(`/cases/${caseId}/reunification`, { minPosition });
    expect(home.body).toMatchObject({ status: 'reunified', version: completed.body.version });
    const due = await office().get('/work-queues/follow-ups-due?until=2025-07-01', { minPosition });
    expect(due.body.filter((visit: { reunificationId: string }) => visit.reunificationId === reunificationId)).toEqual([
      { reunificationId, caseId, personId: expect.any(String), visit: 1, dueOn: '2025-06-30', overdue: true },
    ]);
  });

  it('dead-letters a hand-over the reunification rules refuse, with the rule’s code', async () => {
    const { reunificationId, caseId, personId, eventId } = await assessedForHome();
    // Another service's event with the same id names the same reunification, which has already started.
    const terminated: RehabilitationTerminatedV1 = {
      placementId: randomUUID(),
      caseId,
      personId,
      pantiId: panti.agencyId,
      officeId: malang.agencyId,
      reason: 'ready-to-return',
      at: new Date().toISOString(),
    };
    await publishFromRehabilitation(eventId, terminated);

    await eventually(
      async () => tier.deadLetters.published.filter((event) => event.id === eventId),
      (found) => found.length > 0,
    );
    const recorded = await new DeadLetters(infra.createPool(), 'family_reunification').list();
    expect(recorded).toEqual([
      expect.objectContaining({
        reason: 'rejected',
        detail: `${RehabilitationTerminatedV1.type} refused: reunification.already-started`,
      }),
    ]);
    const unchanged = await office().get(`/cases/${caseId}/reunification`);
    expect(unchanged.body).toMatchObject({ reunificationId, startedFrom: 'assessment', version: 1 });
  });
});

/** Publishes as rehabilitation itself, from its own source, which the harness's neighbours do not. */
async function publishFromRehabilitation(id: string, data: RehabilitationTerminatedV1): Promise<void> {
  const transport = new PgLogTransport({ pool: infra.createPool() });
  const publisher = await transport.publisher();
  const message = toKafkaMessage(
    {
      specversion: '1.0',
      id,
      source: '/lintas/rehabilitation',
      type: RehabilitationTerminatedV1.type,
      time: data.at,
      subject: data.personId,
      datacontenttype: 'application/json',
      correlationid: id,
      data,
    },
    infra.topics.name(RehabilitationTerminatedV1.topic),
    data.personId,
  );
  try {
    await publisher.send([message]);
  } finally {
    await publisher.close();
    await transport.close();
  }
}
