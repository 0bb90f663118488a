import { INTAKE_TOPIC, TracingMatchConfirmedV1 } from '@lintas/contracts/intake/intake.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import type { Pool } from 'pg';
import type { MatchProposed, TracingRequestEvent } from './domain/tracing-request/tracing-request.events';
import { tracingRequestStream } from './domain/tracing-request/tracing-request.stream';
import { pickupStream } from './domain/pickup/pickup.stream';
import { INTAKE_SERVICE } from './intake.service-definition';
import { StreamWriter } from '@lintas/commands/stream-writer';

/**
 * Tracing requests and the matcher on intake's own events: a family's request in Kabupaten
 * Malang, a woman found in Kota Surabaya weeks later, the pair proposed to the office owning the
 * request, reviewed by a named social worker; what the family's agency may and may not see.
 */
const infra = useRealInfrastructure();

const polresMalang = agency('polri', 'polres-malang', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const surabaya = agency('dinas-sosial', 'dinsos-3578', '3578');
const satpolSurabaya = agency('satpol-pp', 'satpolpp-3578', '3578');
const REVIEWER = { headers: { 'x-lintas-user': 'peksos-ani' } };
const admin = agency('admin', 'lintas-admin', '35');

let tier: ApplicationTier;
let sql: Pool;

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  sql = infra.createPool({ max: 1 });
});

const streams = () => tier.service.app.get(StreamWriter);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** Each test seeks its own relative, so that no test's persons are another's candidates. */
async function registerRequest(names: string[], marks: string[]) {
  const reply = await tier.service.as(polresMalang).post('/tracing-requests', {
    channel: 'police',
    officeId: 'dinsos-3507',
    requester: { name: 'Slamet', relation: 'suami', contact: '0812-3456-7890' },
    sought: { names, sex: 'female', ageRange: { min: 40, max: 45 }, marks, conditions: ['skizofrenia'] },
    lastSeen: { regionCode: '3507', on: daysAgo(40).toISOString().slice(0, 10), place: 'Pasar Lawang' },
  });
  expect(reply.status).toBe(201);
  const registered = reply.body as { id: string; personId: string; position: string };
  // Weeks pass before she is found: the matcher has indexed the request by then. Without this wait
  // the two events, on different partitions, may reach the matcher in either order, and the
  // proposal is caused by whichever it read second.
  await eventually(
    async () =>
      (await sql.query(`SELECT 1 FROM intake.match_records WHERE person_id = $1`, [registered.personId])).rowCount,
    (rows) => rows === 1,
  );
  return registered;
}

async function reportFound(namesMentioned: string[], marks: string) {
  const reply = await tier.service.as(satpolSurabaya).post('/pickups', {
    foundAt: daysAgo(20).toISOString(),
    location: { text: 'Terminal Purabaya', regionCode: '3578' },
    circumstances: ['wandering'],
    observedCondition: 'bingung, tidak tahu alamat',
    descriptors: { sex: 'female', apparentAgeRange: '40-50', namesMentioned, marks },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; personId: string };
}

const proposals = async (tracingRequestId: string) =>
  (await streams().load(tracingRequestStream, tracingRequestId)).history.filter(
    (event): event is MatchProposed & typeof event => (event as TracingRequestEvent).type === 'MatchProposed',
  );

const proposedFor = (tracingRequestId: string, personId: string, count = 1) =>
  eventually(
    async () => (await proposals(tracingRequestId)).filter((e) => e.data.candidatePersonId === personId),
    (found) => found.length >= count,
    { timeoutMs: 20_000 },
  );

describe('tracing requests, application tier', () => {
  it('proposes a person found to the office owning the request, caused by the pickup, with its reasons', async () => {
    const request = await registerRequest(['Ibu Hj. Soekarni'], ['tahi lalat di pipi kiri']);
    const found = await reportFound(['Sukarni'], 'tahi lalat pipi kiri');

    const [proposal] = await proposedFor(request.id, found.personId);
    const { history } = await streams().load(pickupStream, found.id);
    expect(proposal?.metadata.causationId).toBe(history[0]?.id);
    expect(proposal?.data.probability).toBeGreaterThanOrEqual(0.1);
    expect(proposal?.data.reasons.map((reason) => reason.field)).toEqual(expect.arrayContaining(['name', 'sex']));
    expect(proposal?.data.reasons.find((reason) => reason.field === 'name')?.level).toBe('same');

    const queue = await eventually(
      async () =>
        (await tier.service.as(malang).get('/work-queues/tracing-matches')).body as { candidatePersonId: string }[],
      (rows) => rows.some((row) => row.candidatePersonId === found.personId),
    );
    expect(queue.find((row) => row.candidatePersonId === found.personId)).toMatchObject({
      tracingRequestId: request.id,
      status: 'proposed',
    });
    // The queue of the office where she was found holds nothing of another office's request.
    const theirs = (await tier.service.as(surabaya).get('/work-queues/tracing-matches')).body as {
      tracingRequestId: string;
    }[];
    expect(theirs.some((row) => row.tracingRequestId === request.id)).toBe(false);
  });

  it("never shows the family's agency a candidate not confirmed, and records the reviewer's read", async () => {
    const request = await registerRequest(['Wartini'], ['bekas luka di dahi']);
    const found = await reportFound(['Wartini'], 'bekas luka dahi');
    await proposedFor(request.id, found.personId);
    const candidatePath = `/tracing-requests/${request.id}/candidates/${found.personId}`;

    const seenByFamily = await tier.service.as(polresMalang).get(`/tracing-requests/${request.id}`);
    expect(seenByFamily.status).toBe(200);
    expect(seenByFamily.body.candidates).toEqual([]);
    expect((await tier.service.as(polresMalang).get(candidatePath)).status).toBe(404);
    expect((await tier.service.as(surabaya).get(candidatePath)).status).toBe(404);
    expect((await tier.service.as(surabaya).get(`/tracing-requests/${request.id}`)).status).toBe(404);

    const reviewed = await tier.service.as(malang).get(candidatePath);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'proposed',
      description: { names: ['Wartini'], regionCode: '3578' },
    });
    const { rows } = await sql.query<{ route: string; outcome: string; agency_id: string }>(
      `SELECT route, outcome, agency_id FROM intake.access_records WHERE params->>'personId' = $1 ORDER BY id`,
      [found.personId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          route: '/tracing-requests/:tracingRequestId/candidates/:personId',
          outcome: 'granted',
          agency_id: 'dinsos-3507',
        }),
        expect.objectContaining({ outcome: 'refused', agency_id: 'polres-malang' }),
      ]),
    );
  });

  it('never proposes a rejected pair again, however the request changes', async () => {
    const request = await registerRequest(['Painem'], ['tato bunga di lengan']);
    const rejected = await reportFound(['Painem'], 'tato bunga lengan');
    const waiting = await reportFound(['Painem Sutarjo'], 'tato di lengan');
    await proposedFor(request.id, rejected.personId);
    await proposedFor(request.id, waiting.personId);

    const path = `/tracing-requests/${request.id}/candidates/${rejected.personId}`;
    const unnamed = await tier.service.as(malang).post(`${path}/reject`, { reason: 'keluarga tidak mengenali' });
    expect(unnamed.status).toBe(403);
    expect(unnamed.body.code).toBe('tracing-request.no-reviewer');
    expect(
      (await tier.service.as(malang).post(`${path}/reject`, { reason: 'keluarga tidak mengenali' }, REVIEWER)).status,
    ).toBe(201);

    // Seen older than the family first said (nearer, not within): the one waiting takes its new score.
    const updated = await tier.service.as(polresMalang).post(`/tracing-requests/${request.id}/update`, {
      sought: { names: ['Painem'], sex: 'female', ageRange: { min: 52, max: 55 }, marks: ['tato bunga di lengan'] },
    });
    expect(updated.status).toBe(201);
    await proposedFor(request.id, waiting.personId, 2);
    const again = (await proposals(request.id)).filter((e) => e.data.candidatePersonId === rejected.personId);
    expect(again).toHaveLength(1);
    const { state } = await streams().load(tracingRequestStream, request.id);
    expect(state).toMatchObject({
      candidates: expect.arrayContaining([
        { personId: rejected.personId, status: 'rejected', probability: expect.any(Number) },
      ]),
    });
  });

  it('forgets an erased person, found or sought: their match record and its blind-index tokens go', async () => {
    const request = await registerRequest(['Tumini'], ['tompel di leher']);
    const found = await reportFound(['Tumini'], 'tompel leher');
    await proposedFor(request.id, found.personId);
    const indexed = async (personId: string) =>
      Number(
        (
          await sql.query(
            `SELECT (SELECT count(*) FROM intake.match_records WHERE person_id = $1)
                  + (SELECT count(*) FROM intake.match_keys WHERE person_id = $1) AS n`,
            [personId],
          )
        ).rows[0]?.n,
      );
    expect(await indexed(found.personId)).toBeGreaterThan(1);

    const erase = async (personId: string) => {
      const erasing = await eventually(
        () =>
          tier.service.as(admin).post(`/persons/${personId}/erasure`, {
            ground: 'data-subject-request',
            legalBasis: 'UU 27/2022 Pasal 8',
          }),
        (answer) => answer.status !== 404,
        { timeoutMs: 20_000, everyMs: 100 },
      );
      expect(erasing.status).toBe(201);
      await eventually(
        () => indexed(personId),
        (left) => left === 0,
        { timeoutMs: 20_000 },
      );
    };
    await erase(found.personId);
    // The family's request stays in matching: only the erased person left it.
    expect(await indexed(request.personId)).toBeGreaterThan(1);
    // The relative sought, erased at the family's request, leaves it too.
    await erase(request.personId);
  });

  it("confirms a match on the person's case, named by the reviewer, and tells the family's agency", async () => {
    const request = await registerRequest(['Sumarni binti Karto'], ['jari kelingking kiri putus']);
    const found = await reportFound(['Sumarni'], 'kelingking kiri putus');
    await proposedFor(request.id, found.personId);
    const path = `/tracing-requests/${request.id}/candidates/${found.personId}`;

    const early = await tier.service.as(malang).post(`${path}/confirm`, {}, REVIEWER);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('tracing-request.candidate-without-case');

    const pickup = await streams().load(pickupStream, found.id);
    expect(pickup.history).toHaveLength(1);
    await tier.service.as(satpolSurabaya).post(`/pickups/${found.id}/hand-over`, { officeId: 'dinsos-3578' });
    const opened = await tier.service.as(surabaya).post('/cases', { pickupId: found.id, categories: ['gelandang'] });
    expect(opened.status).toBe(201);
    await tier.service.as(surabaya).get('/work-queues/caseload', { minPosition: opened.body.position });

    const confirmed = await tier.service.as(malang).post(`${path}/confirm`, {}, REVIEWER);
    expect(confirmed.status).toBe(201);
    const [message] = await eventually(
      async () => tier.neighbours.publishedAs(TracingMatchConfirmedV1, request.personId),
      (published) => published.length === 1,
    );
    expect(message?.data).toEqual({
      tracingRequestId: request.id,
      personId: found.personId,
      caseId: opened.body.id,
      caseOfficeId: 'dinsos-3578',
      requestOfficeId: 'dinsos-3507',
      familyRegionCode: '3507',
    });
    const { history } = await streams().load(tracingRequestStream, request.id);
    expect(history.at(-1)).toMatchObject({ type: 'MatchConfirmed', data: { reviewerId: 'peksos-ani' } });

    const seenByFamily = await tier.service.as(polresMalang).get(`/tracing-requests/${request.id}`);
    expect(seenByFamily.body.candidates).toEqual([
      { personId: found.personId, status: 'confirmed', probability: expect.any(Number) },
    ]);
    expect((await tier.service.as(polresMalang).get(path)).status).toBe(200);
  });
});
