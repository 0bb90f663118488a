import { randomUUID } from 'node:crypto';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { PatientDischargedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import {
  PlacedInPantiV1,
  PlacementRequestedV1,
  REHABILITATION_TOPIC,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { comparePositions, parsePosition } from '@lintas/event-store/position';
import { DeadLetters } from '@lintas/messaging/inbox/dead-letters';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { serviceSchema } from '@lintas/platform/service/platform.module';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { pantiStream } from './domain/panti/panti.stream';
import { placementStream } from './domain/placement/placement.stream';
import { REHABILITATION_SERVICE } from './rehabilitation.service-definition';

/**
 * Rehabilitation's handlers, reactions and projections on real PostgreSQL, its hand-overs on the
 * PostgreSQL log: what a write appends and answers, a reaction's command, a read model read at a
 * write's position, and a refused reaction's dead letter.
 */
const infra = useRealInfrastructure();
let tier: ApplicationTier;
let store: EventStore;

const malang = agency('dinas-sosial', 'dinsos-3507', '3507');

beforeAll(async () => {
  tier = await startOnPgLog(REHABILITATION_SERVICE, infra, REHABILITATION_TOPIC);
  store = tier.service.app.get(EventStore);
}, 30_000);

/** A panti of the test's own, so that no test's beds or queue meet another's. */
async function pantiWithBeds(beds: number): Promise<{ pantiId: string; panti: ReturnType<typeof tier.service.as> }> {
  const pantiId = `panti-${randomUUID().slice(0, 8)}`;
  const panti = tier.service.as(agency('panti', pantiId, '3507'));
  expect((await panti.post(`/pantis/${pantiId}/capacity`, { beds })).status).toBe(201);
  return { pantiId, panti };
}

function requestPlacement(pantiId: string, caseId = randomUUID(), personId = randomUUID()) {
  return tier.service.as(malang).post('/placements', { caseId, personId, pantiId, kind: 'rehabilitation' });
}

describe('rehabilitation, application tier', () => {
  it('admits over HTTP: the placement events carry the person, the bed book the same journey and no person', async () => {
    const { pantiId, panti } = await pantiWithBeds(1);
    const personId = randomUUID();
    const requested = await requestPlacement(pantiId, randomUUID(), personId);
    expect(requested.status).toBe(201);
    expect(requested.headers.get('etag')).toBe('"1"');
    expect(requested.headers.get('x-lintas-position')).toBe(requested.body.position);
    const placementId: string = requested.body.id;

    const admitted = await panti.post(`/placements/${placementId}/admit`, { unit: 'Wisma Melati', bed: '1' });
    expect(admitted.status).toBe(201);
    expect(admitted.body).toEqual({ id: placementId, version: 2, position: expect.any(String) });
    expect(admitted.headers.get('etag')).toBe('"2"');

    const placement = await store.readStream(placementStream.streamId(placementId));
    expect(placement.map((event) => event.type)).toEqual(['PlacementRequested', 'PlacedInPanti']);
    const [first] = placement;
    for (const event of placement) {
      expect(event.metadata).toMatchObject({
        personId,
        correlationId: first?.metadata.correlationId,
        causationId: null,
      });
    }
    const bedBook = await store.readStream(pantiStream.streamId(pantiId));
    expect(bedBook.map((event) => event.type)).toEqual(['PantiCapacitySet', 'BedReserved', 'BedOccupied']);
    const beds = await panti.get('/work-queues/beds');
    expect(beds.status).toBe(200);
    expect(beds.body).toEqual([
      { pantiId, beds: 1, waitlistLimit: null, occupied: 1, reserved: 0, free: 0, waiting: 0 },
    ]);
    for (const event of bedBook.slice(1)) {
      expect(event.metadata.personId).toBeUndefined();
      expect(event.metadata.correlationId).toBe(first?.metadata.correlationId);
    }

    await eventually(
      async () => [PlacementRequestedV1, PlacedInPantiV1].map((c) => tier.neighbours.publishedAs(c, personId).length),
      (counts) => counts.every((count) => count === 1),
    );
  });

  it('refuses a write on a placement that moved since the caller read it (If-Match)', async () => {
    const { pantiId, panti } = await pantiWithBeds(1);
    const { body } = await requestPlacement(pantiId);
    await panti.post(`/placements/${body.id}/admit`, {});
    const stale = await panti.post(`/placements/${body.id}/decline`, { reason: 'not-suitable' }, { ifMatch: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version.stale');
  });

  it('queues concurrent requests to a busy panti in turn, refusing none', async () => {
    const { pantiId, panti } = await pantiWithBeds(2);
    const replies = await Promise.all(Array.from({ length: 6 }, () => requestPlacement(pantiId)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(201));

    const last = replies
      .map((reply): string => reply.body.position)
      .sort(byPosition)
      .at(-1);
    const queue = await panti.get('/work-queues/waiting-list', { minPosition: last });
    expect(queue.status).toBe(200);
    expect(queue.body.map((row: Json) => [row.queueStatus, row.queuePosition])).toEqual([
      ['bed-reserved', null],
      ['bed-reserved', null],
      ['waiting', 1],
      ['waiting', 2],
      ['waiting', 3],
      ['waiting', 4],
    ]);
    // The bed book counts the same: both beds held for admission, four requests waiting.
    expect((await panti.get('/work-queues/beds')).body).toEqual([
      { pantiId, beds: 2, waitlistLimit: null, occupied: 0, reserved: 2, free: 0, waiting: 4 },
    ]);
  });

  it('requests a placement when intake assesses the person for a panti', async () => {
    const { pantiId } = await pantiWithBeds(1);
    const caseId = randomUUID();
    const personId = randomUUID();
    const eventId = await tier.neighbours.publish(AssessmentCompletedV1, personId, {
      caseId,
      personId,
      officeId: 'dinsos-3507',
      decision: 'panti',
      pantiId,
    });

    const placementId = deterministicUuid(`placement:${eventId}`);
    const placed = await eventually(
      () => tier.service.as(malang).get(`/placements/${placementId}`),
      (reply) => reply.status === 200,
    );
    expect(placed.body).toMatchObject({ caseId, personId, pantiId, status: 'requested', bedReserved: true });
    const [requested] = await store.readStream(placementStream.streamId(placementId));
    expect(requested?.metadata).toMatchObject({
      personId,
      causationId: eventId,
      correlationId: eventId,
      actor: { agencyId: 'lintas-rehabilitation', clientId: `reaction:${AssessmentCompletedV1.type}` },
    });
  });

  it('dead-letters an event whose command the domain refuses, with the rule that refused it', async () => {
    const { pantiId } = await pantiWithBeds(1);
    const caseId = randomUUID();
    const personId = randomUUID();
    const { body } = await requestPlacement(pantiId, caseId, personId);
    const eventId = await tier.neighbours.publish(PatientDischargedV1, personId, {
      referralId: randomUUID(),
      caseId,
      personId,
      rsjId: 'rsj-lawang',
      officeId: 'dinsos-3507',
      dischargedAt: new Date().toISOString(),
      recommendation: 'panti',
      pantiId,
      returnToPlacementId: body.id,
    });

    await eventually(
      async () => tier.deadLetters.published.filter((event) => event.id === eventId),
      (letters) => letters.length === 1,
    );
    const letters = await new DeadLetters(infra.createPool(), serviceSchema('rehabilitation')).list();
    expect(letters.filter((letter) => letter.key === personId)).toEqual([
      expect.objectContaining({
        reason: 'rejected',
        detail: `${PatientDischargedV1.type} refused: placement.not-in-rsj`,
      }),
    ]);
    expect((await tier.service.as(malang).get(`/placements/${body.id}`)).body.status).toBe('requested');
  });

  it("shows a provincial office its UPTs' residents, waiting lists and placements, read-only, and no other panti's", async () => {
    // The register's relationships as the tokens carry them (supervised_agencies): two UPTs of the
    // province, a panti of a kabupaten's own office, and a UPT of another province.
    const [upt, secondUpt, kabupatenPanti, otherProvincePanti] = await Promise.all(
      [1, 1, 1, 1].map((beds) => pantiWithBeds(beds)),
    );
    const provincial = {
      ...agency('dinas-sosial-provinsi', 'dinsos-35', '35'),
      supervises: [upt.pantiId, secondUpt.pantiId, 'dinsos-3507'],
    };
    const otherProvince = {
      ...agency('dinas-sosial-provinsi', 'dinsos-33', '33'),
      supervises: [otherProvincePanti.pantiId],
    };
    const kabupatenOffice = { ...agency('dinas-sosial', 'dinsos-3573', '3573'), supervises: [kabupatenPanti.pantiId] };

    const admitted = async ({ pantiId, panti }: Awaited<ReturnType<typeof pantiWithBeds>>) => {
      const { body } = await requestPlacement(pantiId);
      const admission = await panti.post(`/placements/${body.id}/admit`, { unit: 'Wisma Melati', bed: '1' });
      expect(admission.status).toBe(201);
      return { placementId: body.id as string, position: admission.body.position as string };
    };
    const resident = await admitted(upt);
    const waiting = await requestPlacement(upt.pantiId);
    const others = await Promise.all([secondUpt, kabupatenPanti, otherProvincePanti].map(admitted));
    const last = [resident.position, waiting.body.position as string, ...others.map((o) => o.position)]
      .sort(byPosition)
      .at(-1);
    const [secondResident, kabupatenResident, otherProvinceResident] = others;

    const asProvince = tier.service.as(provincial);
    const ofUpt = await asProvince.get(`/work-queues/residents?panti=${upt.pantiId}`, { minPosition: last });
    expect(ofUpt.status).toBe(200);
    expect(ofUpt.body).toEqual([expect.objectContaining({ placementId: resident.placementId, pantiId: upt.pantiId })]);
    const waitingAtUpt = await asProvince.get(`/work-queues/waiting-list?panti=${upt.pantiId}`);
    expect(waitingAtUpt.body).toEqual([
      expect.objectContaining({ placementId: waiting.body.id, queueStatus: 'waiting', queuePosition: 1 }),
    ]);
    // Without `panti`: every UPT's, by panti; never the kabupaten's panti nor another province's.
    const allUpts = await asProvince.get('/work-queues/residents');
    expect(allUpts.body.map((row: Json) => row.placementId).sort()).toEqual(
      [resident.placementId, secondResident?.placementId].sort(),
    );

    // Its UPTs' beds, in the register's order; the office among its supervised agencies has no bed book.
    const beds = await asProvince.get('/work-queues/beds');
    expect(beds.status).toBe(200);
    expect(beds.body).toEqual([
      { pantiId: upt.pantiId, beds: 1, waitlistLimit: null, occupied: 1, reserved: 0, free: 0, waiting: 1 },
      { pantiId: secondUpt.pantiId, beds: 1, waitlistLimit: null, occupied: 1, reserved: 0, free: 0, waiting: 0 },
    ]);
    expect((await asProvince.get(`/work-queues/beds?panti=${secondUpt.pantiId}`)).body).toEqual([beds.body[1]]);

    // A panti that is not its UPT does not exist for it, as one nobody registered does not.
    for (const notItsUpt of [kabupatenPanti.pantiId, otherProvincePanti.pantiId, 'panti-nobody-registered']) {
      for (const queue of ['residents', 'waiting-list', 'beds']) {
        const refused = await asProvince.get(`/work-queues/${queue}?panti=${notItsUpt}`);
        expect(refused.status).toBe(404);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        expect(refused.body).toMatchObject({ code: 'panti.not-found', detail: 'no such panti' });
      }
    }
    expect((await tier.service.as(otherProvince).get(`/work-queues/residents?panti=${upt.pantiId}`)).status).toBe(404);
    expect((await tier.service.as(otherProvince).get('/work-queues/residents')).body).toEqual([
      expect.objectContaining({ placementId: otherProvinceResident?.placementId }),
    ]);
    // The kabupaten's office supervises its panti in the register, but the queues are not its to read.
    expect((await tier.service.as(kabupatenOffice).get('/work-queues/residents')).status).toBe(403);
    // A panti reads its own queues, and another panti's do not exist for it.
    expect((await upt.panti.get(`/work-queues/residents?panti=${upt.pantiId}`)).body).toEqual(ofUpt.body);
    const foreign = await upt.panti.get(`/work-queues/waiting-list?panti=${secondUpt.pantiId}`);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'panti.not-found' } });
    const foreignBeds = await upt.panti.get(`/work-queues/beds?panti=${secondUpt.pantiId}`);
    expect(foreignBeds).toMatchObject({ status: 404, body: { code: 'panti.not-found' } });
    expect((await tier.service.as(kabupatenOffice).get('/work-queues/beds')).status).toBe(403);
    expect((await asProvince.get('/work-queues/residents?panti=Not%20An%20Id')).status).toBe(400);

    // A placement at its UPT it reads; one at any other panti does not exist for it.
    const details = await asProvince.get(`/placements/${resident.placementId}`);
    expect(details).toMatchObject({ status: 200, body: { placementId: resident.placementId, status: 'resident' } });
    for (const elsewhere of [kabupatenResident, otherProvinceResident]) {
      expect((await asProvince.get(`/placements/${elsewhere?.placementId}`)).status).toBe(404);
    }
    expect((await tier.service.as(otherProvince).get(`/placements/${resident.placementId}`)).status).toBe(404);

    // Read-only: it acts for the panti in nothing, and to its commands the placement is not there.
    expect((await asProvince.post(`/placements/${waiting.body.id}/admit`, {})).status).toBe(403);
    const terminate = await asProvince.post(`/placements/${resident.placementId}/terminate`, {
      reason: 'ready-to-return',
    });
    expect(terminate).toMatchObject({ status: 404, body: { code: 'placement.not-found' } });

    // Each read is recorded, with the relationship that granted it.
    const personId: string = details.body.personId;
    const records = await tier.service
      .as(agency('admin', 'lintas-admin', '35'))
      .get(`/persons/${personId}/access-records`);
    const byProvince = records.body.records.filter((r: Json) => r.agencyId === 'dinsos-35');
    expect(byProvince).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          outcome: 'granted',
          agencyKind: 'dinas-sosial-provinsi',
          route: '/placements/:placementId',
          personIds: [personId],
          reason: `supervised-panti:${upt.pantiId}`,
        }),
        expect.objectContaining({
          outcome: 'granted',
          route: '/work-queues/residents',
          personIds: [personId],
          reason: `supervised-panti:${upt.pantiId}`,
        }),
        expect.objectContaining({
          outcome: 'granted',
          route: '/work-queues/residents',
          personIds: expect.arrayContaining([personId]),
          reason: `supervised-panti:${upt.pantiId},${secondUpt.pantiId},dinsos-3507`,
        }),
      ]),
    );
  });
});

const byPosition = (a: string, b: string): number => comparePositions(parsePosition(a), parsePosition(b));
