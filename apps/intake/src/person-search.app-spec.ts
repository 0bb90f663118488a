import type { Pool } from 'pg';
import { INTAKE_TOPIC } from '@lintas/contracts/intake/intake.contracts';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { agency } from '@lintas/testing/http/agency-client';
import { journeyIdentity } from '@lintas/testing/journey/nine-journeys';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * What a supervisor's console asks of intake: a person found by case number, NIK, a name written
 * another way, or a mark, among the office's own cases only; and a case with the NIK masked until
 * someone reveals it, the reveal alone recorded as a read of the NIK.
 */
const infra = useRealInfrastructure();
const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const surabaya = agency('dinas-sosial', 'dinsos-3578', '3578');
const admin = agency('admin', 'lintas-admin', '35');

let tier: ApplicationTier;
let sql: Pool;

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  sql = infra.createPool({ max: 1 });
});

async function identifiedCase(name: string) {
  const reported = await tier.service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Alun-alun Kepanjen', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'female', marks: 'bekas luka bakar di lengan kiri', namesMentioned: [name] },
  });
  const pickup = reported.body as { id: string; personId: string };
  await tier.service.as(satpol).post(`/pickups/${pickup.id}/hand-over`, { officeId: 'dinsos-3507' });
  const opened = await tier.service.as(malang).post('/cases', { pickupId: pickup.id, categories: ['gelandang'] });
  const identity = journeyIdentity(name);
  const identified = await tier.service.as(malang).post(`/cases/${opened.body.id}/identification`, {
    ...identity,
    sex: 'female',
    originRegionCode: '3507',
    source: 'family',
    confidence: 'confirmed',
  });
  expect(identified.status).toBe(201);
  const caseload = await tier.service
    .as(malang)
    .get('/work-queues/caseload', { minPosition: identified.body.position as string });
  const caseNumber = (caseload.body as { caseId: string; caseNumber: string }[]).find(
    (row) => row.caseId === opened.body.id,
  )?.caseNumber;
  return {
    caseId: opened.body.id as string,
    personId: pickup.personId,
    nik: identity.nik,
    caseNumber: caseNumber ?? '',
    position: identified.body.position as string,
  };
}

const search = (as: typeof malang, q: string, minPosition?: string) =>
  tier.service.as(as).get(`/persons?q=${encodeURIComponent(q)}`, minPosition ? { minPosition } : {});

describe('finding a person from the console', () => {
  it("finds the office's own person by case number, NIK, a name written another way, or a mark", async () => {
    const person = await identifiedCase('Wahyuni Tjahjaningsih');
    const expected = expect.objectContaining({ personId: person.personId, caseId: person.caseId });

    const byNumber = await search(malang, person.caseNumber, person.position);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual([
      expect.objectContaining({ caseNumber: person.caseNumber, matchedOn: 'case-number' }),
    ]);
    expect((await search(malang, person.nik)).body).toEqual([
      expect.objectContaining({ personId: person.personId, matchedOn: 'nik', nikLast4: person.nik.slice(-4) }),
    ]);
    const byName = (await search(malang, 'Ibu Wahjuni Cahyaningsih')).body as { personId: string; name: string }[];
    expect(byName).toEqual(expect.arrayContaining([expected]));
    expect(byName.find((row) => row.personId === person.personId)?.name).toBe('Wahyuni Tjahjaningsih');
    expect((await search(malang, 'luka bakar lengan')).body).toEqual(expect.arrayContaining([expected]));
    expect((await search(admin, person.nik)).body).toEqual([expected]);
  });

  it("finds nobody of another kabupaten's cases, and records the search as a read of the persons shown", async () => {
    const person = await identifiedCase('Suprihatin');
    expect((await search(malang, person.nik, person.position)).body).toHaveLength(1);
    for (const q of [person.nik, person.caseNumber, 'Suprihatin']) {
      const reply = await search(surabaya, q);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual([]);
    }
    const { rows } = await sql.query<{ agency_id: string; fields: string[] }>(
      `SELECT agency_id, fields FROM intake.access_records WHERE route = '/persons' AND $1 = ANY(person_ids)`,
      [person.personId],
    );
    expect(rows.map((row) => row.agency_id)).toContain('dinsos-3507');
    expect(rows.map((row) => row.agency_id)).not.toContain('dinsos-3578');
  });

  it('masks the NIK until it is revealed, and records only the reveal as a read of the NIK', async () => {
    const person = await identifiedCase('Kartini');
    const masked = await tier.service.as(malang).get(`/cases/${person.caseId}?mask=nik`);
    expect(masked.status).toBe(200);
    expect(masked.body.identity).toMatchObject({ nik: null, nikLast4: person.nik.slice(-4), name: 'Kartini' });
    const revealed = await tier.service.as(malang).get(`/cases/${person.caseId}`);
    expect(revealed.body.identity).toMatchObject({ nik: person.nik, nikLast4: person.nik.slice(-4) });
    expect((await tier.service.as(malang).get(`/cases/${person.caseId}?mask=name`)).status).toBe(400);

    const { rows } = await sql.query<{ fields: string[] }>(
      `SELECT fields FROM intake.access_records WHERE route = '/cases/:caseId' AND params->>'caseId' = $1 ORDER BY id`,
      [person.caseId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.fields).not.toContain('identity.nik');
    expect(rows[0]?.fields).toContain('identity.name');
    expect(rows[1]?.fields).toContain('identity.nik');
  });
});
