import { randomUUID } from 'node:crypto';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_TOPIC } from '@lintas/contracts/intake/intake.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * An admin handles intake's dead letters over HTTP (`/admin/dead-letters`, routes every service
 * has): messages another service put on a topic intake reads, which intake gave up on, listed
 * without anything personal, inspected by their shape, revealed only on request and then recorded,
 * and sent again to their topic with a reason — which intake reads again and, the message being as
 * wrong as before, dead-letters again.
 */
const infra = useRealInfrastructure();

const admin = agency('admin', 'lintas-admin', '35');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
/** What the wrong message carries that no dead letter may show unless revealed. */
const NAME = 'Siti Aminah';
const NIK = '3507014506780002';
const UNHEARD_OF = { ...PersonDiedV1, type: 'id.lintas.health-liaison.person.vanished.v1' };

let tier: ApplicationTier;
const personId = randomUUID();
let invalidId: string;
let unheardOfId: string;
const invalidData = {
  personId,
  caseId: `${NAME}, NIK ${NIK}`,
  at: new Date().toISOString(),
  reportedBy: 'rsj-lawang',
  nik: NIK,
};

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  invalidId = await tier.neighbours.publish(PersonDiedV1, personId, invalidData);
  unheardOfId = await tier.neighbours.publish(UNHEARD_OF, personId, { personId, note: NAME });
});

const asAdmin = () => tier.service.as(admin);

/** The listed dead letters of an event, once intake has dead-lettered it `count` times. */
async function listedFor(eventId: string, count = 1): Promise<Json[]> {
  const reply = await eventually(
    () => asAdmin().get('/admin/dead-letters?limit=500'),
    (answer) => answer.body?.deadLetters?.filter((l: Json) => l.event.id === eventId).length >= count,
    { timeoutMs: 20_000, everyMs: 100 },
  );
  return reply.body.deadLetters.filter((l: Json) => l.event.id === eventId);
}

describe('dead letters over HTTP', () => {
  it('lists them to an admin, oldest first, without data, key or any value of the message', async () => {
    const [invalid] = await listedFor(invalidId);
    const [unheardOf] = await listedFor(unheardOfId);
    expect(invalid).toEqual({
      id: expect.stringMatching(/^\d+$/),
      consumerGroup: 'lintas.intake',
      reason: 'invalid',
      detail: expect.stringContaining('/caseId must match format "uuid"'),
      topic: expect.stringMatching(/.lintas\.health-liaison\.events$/),
      partition: expect.any(Number),
      offset: expect.stringMatching(/^\d+$/),
      event: { id: invalidId, type: PersonDiedV1.type, source: '/lintas/test', time: expect.any(String) },
      failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      redrivenAt: null,
      redrivenBy: null,
      redriveReason: null,
      erasedAt: null,
    });
    // The field that should not be there is named, its value is not.
    expect(invalid.detail).toContain("(data) must NOT have additional properties 'nik'");
    expect(unheardOf).toMatchObject({ reason: 'unknown-type', detail: `no contract for ${UNHEARD_OF.type}` });

    const everything = await asAdmin().get('/admin/dead-letters');
    expect(everything.status).toBe(200);
    expect(everything.body).toMatchObject({ service: 'intake', more: false });
    const text = JSON.stringify(everything.body);
    for (const secret of [NAME, NIK, personId]) expect(text).not.toContain(secret);
    for (const letter of everything.body.deadLetters) {
      expect(Object.keys(letter)).not.toEqual(expect.arrayContaining(['key']));
      expect(Object.keys(letter).filter((k) => ['key', 'value', 'data', 'headers'].includes(k))).toEqual([]);
    }

    const ids = everything.body.deadLetters.map((l: Json) => Number(l.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const first = await asAdmin().get('/admin/dead-letters?limit=1');
    expect(first.body).toMatchObject({ more: true, deadLetters: [{ id: String(ids[0]) }] });
    const next = await asAdmin().get(`/admin/dead-letters?limit=1&after=${ids[0]}`);
    expect(next.body.deadLetters).toEqual([expect.objectContaining({ id: String(ids[1]) })]);
    expect((await asAdmin().get('/admin/dead-letters?limit=0')).body).toMatchObject({
      status: 400,
      code: 'limit.invalid',
    });
  });

  it('shows one by the shape of its data, and the data itself only when revealed, with an access record', async () => {
    const [listed] = await listedFor(invalidId);
    const shown = await asAdmin().get(`/admin/dead-letters/${listed.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      ...listed,
      personId,
      headers: expect.objectContaining({
        ce_id: invalidId,
        ce_type: PersonDiedV1.type,
        ce_source: '/lintas/test',
        ce_subject: personId,
        ce_specversion: '1.0',
        'content-type': 'application/json',
      }),
      dataShape: {
        type: 'object',
        properties: {
          personId: { type: 'string' },
          caseId: { type: 'string' },
          at: { type: 'string' },
          reportedBy: { type: 'string' },
          nik: { type: 'string' },
        },
      },
    });
    expect(JSON.stringify(shown.body)).not.toContain(NIK);
    expect(JSON.stringify(shown.body)).not.toContain(NAME);

    const why = 'what did the RSJ send as caseId?';
    const revealed = await asAdmin().get(
      `/admin/dead-letters/${listed.id}?reveal=data&reason=${encodeURIComponent(why)}`,
    );
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ ...shown.body, data: invalidData });

    const records = await asAdmin().get(`/persons/${personId}/access-records`);
    expect(records.status).toBe(200);
    const ofTheLetter = records.body.records.filter((r: Json) => r.route === '/admin/dead-letters/:id');
    // Newest first: the reveal, then the look at its shape.
    expect(ofTheLetter).toEqual([
      expect.objectContaining({
        outcome: 'granted',
        status: 200,
        agencyId: admin.agencyId,
        clientId: admin.clientId,
        method: 'GET',
        params: { id: listed.id },
        personIds: [personId],
        fields: ['data'],
        reason: `dead-letter.reveal-data: ${why}`,
      }),
      expect.objectContaining({ outcome: 'granted', personIds: [personId], fields: [] }),
    ]);
    expect(ofTheLetter[1]).not.toHaveProperty('reason');

    const wrongReveal = await asAdmin().get(`/admin/dead-letters/${listed.id}?reveal=everything`);
    expect(wrongReveal.body).toMatchObject({ status: 400, code: 'reveal.invalid' });
  });

  it('sends one again with a reason, records who and why, and again only when forced', async () => {
    const [listed] = await listedFor(invalidId);
    const redrive = (body: object, id: string = listed.id) => asAdmin().post(`/admin/dead-letters/${id}/redrive`, body);

    const first = await redrive({ reason: 'the RSJ fixed its export; see ticket 42' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      ...listed,
      redrivenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      redrivenBy: { agencyId: admin.agencyId, clientId: admin.clientId },
      redriveReason: 'the RSJ fixed its export; see ticket 42',
    });
    // On its topic again, read again, and as wrong as before: a second dead letter of the same event.
    const both = await listedFor(invalidId, 2);
    expect(both.map((l) => l.redriveReason)).toEqual(['the RSJ fixed its export; see ticket 42', null]);
    expect(both[1].offset).not.toBe(both[0].offset);
    const shown = await asAdmin().get(`/admin/dead-letters/${listed.id}`);
    expect(shown.body).toMatchObject({ redrivenAt: first.body.redrivenAt, redrivenBy: first.body.redrivenBy });

    const again = await redrive({ reason: 'once more' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      status: 409,
      code: 'dead-letter.already-redriven',
      redrivenAt: first.body.redrivenAt,
    });

    const forced = await redrive({ reason: 'once more, on purpose', force: true });
    expect(forced.status).toBe(200);
    expect(forced.body.redriveReason).toBe('once more, on purpose');
    expect(forced.body.redrivenAt > first.body.redrivenAt).toBe(true);
    await listedFor(invalidId, 3);

    const noReason = await redrive({});
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      code: 'request.invalid',
      errors: [expect.objectContaining({ field: 'reason' })],
    });
    expect((await redrive({ reason: '   ' })).status).toBe(400);
  });

  it('answers 404 as problem+json for a dead letter it does not have', async () => {
    for (const reply of [
      await asAdmin().get('/admin/dead-letters/999999999'),
      await asAdmin().get('/admin/dead-letters/not-an-id'),
      await asAdmin().post('/admin/dead-letters/999999999/redrive', { reason: 'a test' }),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ status: 404, code: 'dead-letter.not-found' });
    }
  });

  it('refuses an agency that is not an admin, and sends nothing again for it', async () => {
    const [unheardOf] = await listedFor(unheardOfId);
    const office = tier.service.as(malang);
    for (const reply of [
      await office.get('/admin/dead-letters'),
      await office.get(`/admin/dead-letters/${unheardOf.id}?reveal=data`),
      await office.post(`/admin/dead-letters/${unheardOf.id}/redrive`, { reason: 'let me' }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ status: 403, code: 'agency.not-allowed' });
      expect(JSON.stringify(reply.body)).not.toContain(NAME);
    }
    const after = await asAdmin().get(`/admin/dead-letters/${unheardOf.id}`);
    expect(after.body).toMatchObject({ redrivenAt: null, redrivenBy: null, redriveReason: null });
    expect(await listedFor(unheardOfId)).toHaveLength(1);
  });
});

describe('dead letters of an erased person', () => {
  /** A person intake knows (an admin erases no one else), found by Satpol PP. */
  let erased: string;
  const other = randomUUID();
  const erasure = { ground: 'data-subject-request', legalBasis: 'UU 27/2022 Pasal 8' };
  /** Wrong, and about the person to be erased: a caseId that is their name and NIK. */
  const about = () => ({
    personId: erased,
    caseId: `${NAME}, NIK ${NIK}`,
    at: new Date().toISOString(),
    reportedBy: 'rsj-lawang',
  });
  let aboutId: string;
  let namingId: string;
  let bystanderId: string;

  beforeAll(async () => {
    const reported = await tier.service.as(satpol).post('/pickups', {
      foundAt: new Date(Date.now() - 86_400_000).toISOString(),
      location: { text: 'Terminal Arjosari', regionCode: '3507' },
      circumstances: ['wandering'],
      observedCondition: 'bingung',
      descriptors: { sex: 'female' },
    });
    expect(reported.status).toBe(201);
    erased = reported.body.personId;
    aboutId = await tier.neighbours.publish(PersonDiedV1, erased, about());
    // About someone else, naming the erased person in its data (as a link of two records would).
    namingId = await tier.neighbours.publish(UNHEARD_OF, other, {
      personId: other,
      linkedPersonId: erased,
      note: NAME,
    });
    bystanderId = await tier.neighbours.publish(PersonDiedV1, other, { ...about(), personId: other });
    for (const id of [aboutId, namingId, bystanderId]) await listedFor(id);
    // Once the person's journey has them.
    const erasing = await eventually(
      () => asAdmin().post(`/persons/${erased}/erasure`, erasure),
      (answer) => answer.status !== 404,
      { timeoutMs: 20_000, everyMs: 100 },
    );
    expect(erasing.status).toBe(201);
  });

  it('lose their data once intake hears of the erasure, and are listed as erased; the others are not', async () => {
    const all = await eventually(
      () => asAdmin().get('/admin/dead-letters?limit=500'),
      (answer) =>
        answer.body?.deadLetters?.filter((l: Json) => [aboutId, namingId].includes(l.event.id) && l.erasedAt).length ===
        2,
      { timeoutMs: 20_000, everyMs: 100 },
    );
    const [aboutLetter, naming, bystander] = [aboutId, namingId, bystanderId].map((id) =>
      all.body.deadLetters.find((l: Json) => l.event.id === id),
    );
    expect(aboutLetter).toMatchObject({ reason: 'invalid', erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(naming).toMatchObject({ reason: 'unknown-type', erasedAt: expect.any(String) });
    expect(bystander).toMatchObject({ erasedAt: null });

    const shown = await asAdmin().get(`/admin/dead-letters/${aboutLetter.id}?reveal=data&reason=what%20was%20it`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ ...aboutLetter, personId: erased, dataShape: null, data: { $erased: true } });
    expect(Object.keys(shown.body.headers).every((name) => name.startsWith('ce_') || name === 'content-type')).toBe(
      true,
    );
    for (const letter of [aboutLetter, naming]) {
      const text = JSON.stringify((await asAdmin().get(`/admin/dead-letters/${letter.id}?reveal=data`)).body);
      for (const secret of [NAME, NIK]) expect(text).not.toContain(secret);
    }
    // Nothing personal was revealed: the access record names no field.
    const records = await asAdmin().get(`/persons/${erased}/access-records`);
    // Newest first: the first reveal, the one with a reason, is the last of the letter's.
    const reveal = records.body.records.filter((r: Json) => r.params?.id === aboutLetter.id).at(-1);
    expect(reveal).toMatchObject({ fields: [], reason: 'dead-letter.reveal-data: what was it' });

    const kept = await asAdmin().get(`/admin/dead-letters/${bystander.id}?reveal=data`);
    expect(kept.body.data).toMatchObject({ personId: other, caseId: `${NAME}, NIK ${NIK}` });
  });

  it('are never sent again: 409 dead-letter.erased, in Bahasa Indonesia when asked, forced or not', async () => {
    const [letter] = await listedFor(aboutId);
    for (const body of [{ reason: 'the RSJ fixed its export' }, { reason: 'on purpose', force: true }]) {
      const refused = await asAdmin().post(`/admin/dead-letters/${letter.id}/redrive`, body, {
        headers: { 'accept-language': 'id' },
      });
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        status: 409,
        code: 'dead-letter.erased',
        title: 'Bertentangan dengan keadaan saat ini',
        erasedAt: letter.erasedAt,
      });
    }
    const after = await asAdmin().get(`/admin/dead-letters/${letter.id}`);
    expect(after.body).toMatchObject({ redrivenAt: null, redrivenBy: null });
    expect(await listedFor(aboutId)).toHaveLength(1);
  });

  it('keeps nothing of a message about them dead-lettered after the erasure, here or on the dead-letter topic', async () => {
    const late = await tier.neighbours.publish(PersonDiedV1, erased, about());
    const [letter] = await listedFor(late);
    expect(letter).toMatchObject({ reason: 'invalid', erasedAt: expect.any(String) });
    const shown = await asAdmin().get(`/admin/dead-letters/${letter.id}?reveal=data`);
    expect(shown.body).toMatchObject({ dataShape: null, data: { $erased: true } });

    const [copy] = await eventually(
      async () => tier.deadLetters.published.filter((event) => event.id === late),
      (found) => found.length > 0,
      { timeoutMs: 20_000 },
    );
    expect(copy?.data).toEqual({ $erased: true });
    expect(JSON.stringify(copy)).not.toContain(NIK);
  });
});
