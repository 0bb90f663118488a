import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { FAMILY_REUNIFICATION_TOPIC } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { formatPosition } from '@lintas/event-store/position';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { agency, type AgencyClient, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { ComplaintEscalation } from './application/complaint-escalation';
import { complaintStream } from './domain/complaint/complaint.stream';
import { FAMILY_REUNIFICATION_SERVICE } from './family-reunification.service-definition';

/**
 * Complaints (pengaduan) over HTTP on real PostgreSQL: filed by the office a family came to,
 * routed to the agency responsible, answered from its queue, followed by the filer, hidden from
 * everyone else; and, once overdue, escalated by the schedule to the addressee's parent office
 * as its token names it, once however many rounds run.
 */
const infra = useRealInfrastructure();

const DAY_MS = 86_400_000;

/** Dinas Sosial Kabupaten Malang, where the family lives: it files for them. */
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
/** Dinas Sosial Kota Kediri, which owns the case complained of. */
const kediri = agency('dinas-sosial', 'dinsos-3571', '3571');
/** Its parent office in the register, as Jawa Timur's tokens say (supervised_agencies). */
const jatim = { ...agency('dinas-sosial-provinsi', 'dinsos-35', '35'), supervises: [kediri.agencyId] };
const batu = agency('dinas-sosial', 'dinsos-3579', '3579');
const polres = agency('polri', 'polres-malang', '3507');

let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(FAMILY_REUNIFICATION_SERVICE, infra, FAMILY_REUNIFICATION_TOPIC);
});

const as = (actor: typeof malang): AgencyClient => tier.service.as(actor);

async function fileComplaint(fields: Record<string, unknown> = {}) {
  const personId = randomUUID();
  const filed = await as(malang).post('/complaints', {
    kind: 'not-returned',
    subject: { type: 'case', id: randomUUID() },
    channel: 'puskesmas',
    text: 'anak kami ditemukan di Kediri tiga bulan lalu dan belum pulang',
    routedTo: kediri.agencyId,
    personId,
    ...fields,
  });
  expect(filed.status).toBe(201);
  return { complaintId: filed.body.id as string, position: filed.body.position as string, personId };
}

const queueOf = async (actor: typeof malang, minPosition?: string): Promise<Json[]> => {
  const reply = await as(actor).get('/work-queues/complaints', minPosition ? { minPosition } : {});
  expect(reply.status).toBe(200);
  return reply.body;
};

const todayPlus = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('complaints', () => {
  it('goes to the agency responsible, which answers from its queue; the filer follows it; no one else sees it', async () => {
    const { complaintId, position, personId } = await fileComplaint();

    const queued = (await queueOf(kediri, position)).find((c) => c.complaintId === complaintId);
    expect(queued).toEqual({
      complaintId,
      personId,
      kind: 'not-returned',
      about: { type: 'case', id: expect.any(String) },
      channel: 'puskesmas',
      filedBy: malang.agencyId,
      filedAt: expect.any(String),
      answerBy: todayPlus(14),
      overdue: false,
      escalations: 0,
    });
    expect((await queueOf(malang, position)).map((c) => c.complaintId)).not.toContain(complaintId);

    const answered = await as(kediri).post(`/complaints/${complaintId}/answer`, {
      answer: 'pemulangan ke Malang dijadwalkan minggu depan',
    });
    expect(answered).toMatchObject({ status: 201, body: { id: complaintId, version: 2 } });
    expect((await queueOf(kediri, answered.body.position)).map((c) => c.complaintId)).not.toContain(complaintId);

    const seen = await as(malang).get(`/complaints/${complaintId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      complaintId,
      personId,
      text: 'anak kami ditemukan di Kediri tiga bulan lalu dan belum pulang',
      filedBy: malang.agencyId,
      routedTo: kediri.agencyId,
      answerBy: todayPlus(14),
      status: 'answered',
      overdue: false,
      escalations: [],
      answer: { by: kediri.agencyId, text: 'pemulangan ke Malang dijadwalkan minggu depan' },
      outcome: null,
      version: 2,
    });

    // To another office, or another kind of agency, the complaint does not exist.
    for (const stranger of [batu, agency('panti', 'panti-bina-laras-kediri', '3571')]) {
      const refused = await as(stranger).get(`/complaints/${complaintId}`);
      expect(refused).toMatchObject({ status: 404, body: { code: 'complaint.not-found' } });
    }
    const meddling = await as(batu).post(`/complaints/${complaintId}/answer`, { answer: 'bukan urusan kami' });
    expect(meddling).toMatchObject({ status: 404, body: { code: 'complaint.not-found' } });
    // Only the filer closes it.
    const closedByAddressee = await as(kediri).post(`/complaints/${complaintId}/close`, { outcome: 'resolved' });
    expect(closedByAddressee).toMatchObject({ status: 403, body: { code: 'complaint.not-filer' } });
    const closed = await as(malang).post(`/complaints/${complaintId}/close`, { outcome: 'resolved' }, { ifMatch: 2 });
    expect(closed).toMatchObject({ status: 201, body: { version: 3 } });
    expect((await as(malang).get(`/complaints/${complaintId}`)).body).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
    });

    // Each read of the complaint is recorded with the personal fields it showed, and so is each refusal.
    const pool = tier.service.app.get(Pool);
    const { rows } = await pool.query<{ agency_id: string; outcome: string; fields: string[]; person_ids: string[] }>(
      `SELECT agency_id, outcome, fields, person_ids::text[] AS person_ids FROM family_reunification.access_records
        WHERE params->>'complaintId' = $1 ORDER BY id`,
      [complaintId],
    );
    expect(rows).toEqual([
      { agency_id: malang.agencyId, outcome: 'granted', fields: ['text', 'answer.text'], person_ids: [personId] },
      { agency_id: batu.agencyId, outcome: 'refused', fields: [], person_ids: [] },
      { agency_id: 'panti-bina-laras-kediri', outcome: 'refused', fields: [], person_ids: [] },
      { agency_id: malang.agencyId, outcome: 'granted', fields: ['text', 'answer.text'], person_ids: [personId] },
    ]);
  });

  it('is filed by the police for their own channel only', async () => {
    const base = {
      kind: 'treatment',
      subject: { type: 'agency', id: 'satpol-pp-3507' },
      text: 'adik saya diperlakukan kasar saat dijemput',
      routedTo: 'satpol-pp-3507',
    };
    const refused = await as(polres).post('/complaints', { ...base, channel: 'office' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'complaint.channel-not-of-agency' } });
    const filed = await as(polres).post('/complaints', { ...base, channel: 'police' });
    expect(filed.status).toBe(201);
    // About a service alone: the text is sealed under an id standing for the complainant.
    const seen = await as(polres).get(`/complaints/${filed.body.id}`);
    expect(seen.body).toMatchObject({ personId: expect.any(String), text: base.text, routedTo: 'satpol-pp-3507' });
    expect((await as(agency('satpol-pp', 'satpol-pp-3507')).get(`/complaints/${filed.body.id}`)).status).toBe(200);
  });

  it('escalates an overdue complaint once to the parent office, which then answers it', async () => {
    const { complaintId, position } = await fileComplaint({ kind: 'delay' });
    const escalation = tier.service.app.get(ComplaintEscalation);
    await tier.service.app.get(ReadModels).waitFor(position);

    // Not yet overdue on its last day.
    expect((await escalation.escalateOverdue(new Date(Date.now() + 14 * DAY_MS))).escalated).not.toContain(complaintId);

    // Overdue, but no parent office of Kediri has called yet: the complaint waits.
    const later = new Date(Date.now() + 15 * DAY_MS);
    const unknown = await escalation.escalateOverdue(later);
    expect(unknown.escalated).not.toContain(complaintId);
    expect(unknown.withoutParentOffice).toContain(kediri.agencyId);

    // Jawa Timur's system calls (its token names Kediri as its child); two rounds at once, as two
    // instances would run them, escalate the complaint once.
    expect(await queueOf(jatim)).toEqual([]);
    const rounds = await Promise.all([escalation.escalateOverdue(later), escalation.escalateOverdue(later)]);
    expect(rounds.flatMap((round) => round.escalated).filter((id) => id === complaintId)).toEqual([complaintId]);
    const store = tier.service.app.get(EventStore);
    const events = await store.readStream(complaintStream.streamId(complaintId));
    expect(events.map((e) => e.type)).toEqual(['ComplaintFiled', 'ComplaintEscalated']);
    expect(events[1]).toMatchObject({
      data: {
        routedTo: jatim.agencyId,
        fromAgencyId: kediri.agencyId,
        overdueSince: todayPlus(14),
        answerBy: new Date(later.getTime() + 7 * DAY_MS).toISOString().slice(0, 10),
      },
      metadata: { actor: { agencyId: 'lintas-family-reunification', clientId: 'complaint-escalation' } },
    });
    const [, escalated] = events;
    await tier.service.app.get(ReadModels).waitFor(escalated && formatPosition(escalated.position));
    expect((await escalation.escalateOverdue(later)).escalated).not.toContain(complaintId);

    // The parent office has it in its queue and answers; Kediri no longer may, but still reads it.
    const queued = (await queueOf(jatim)).find((c) => c.complaintId === complaintId);
    expect(queued).toMatchObject({ escalations: 1, overdue: false, filedBy: malang.agencyId });
    expect((await queueOf(kediri)).map((c) => c.complaintId)).not.toContain(complaintId);
    const late = await as(kediri).post(`/complaints/${complaintId}/answer`, { answer: 'maaf terlambat' });
    expect(late).toMatchObject({ status: 403, body: { code: 'complaint.not-addressee' } });
    expect((await as(kediri).get(`/complaints/${complaintId}`)).status).toBe(200);
    const answered = await as(jatim).post(`/complaints/${complaintId}/answer`, {
      answer: 'Dinas Sosial Provinsi mengatur pemulangan bersama Kota Kediri',
    });
    expect(answered.status).toBe(201);

    const seen = await as(malang).get(`/complaints/${complaintId}`);
    expect(seen.body).toMatchObject({
      routedTo: jatim.agencyId,
      status: 'answered',
      escalations: [{ fromAgencyId: kediri.agencyId, toAgencyId: jatim.agencyId, overdueSince: todayPlus(14) }],
      answer: { by: jatim.agencyId },
    });
    // Answered, it is escalated no more.
    const afterwards = new Date(later.getTime() + 30 * DAY_MS);
    await tier.service.app.get(ReadModels).waitFor(answered.body.position);
    expect((await escalation.escalateOverdue(afterwards)).escalated).not.toContain(complaintId);
  });
});
