import { INTAKE_TOPIC, IntakeAccessRecordedV1 } from '@lintas/contracts/intake/intake.contracts';
import type { CloudEvent } from '@lintas/messaging/cloudevents/cloud-event';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import type { Pool } from 'pg';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * Every access record of intake also leaves for the audit service's ledger: written to the outbox
 * in the record's own transaction, published on intake's access-record topic as its contract says.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const kediri = agency('dinas-sosial', 'dinsos-3571', '3571');

let tier: ApplicationTier;
let records: NeighbouringServices;
let sql: Pool;

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  records = await NeighbouringServices.open(infra, IntakeAccessRecordedV1.topic, 'pg-log');
  sql = infra.createPool({ max: 2 });
});

async function openCase(): Promise<{ caseId: string; personId: string }> {
  const reported = await tier.service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Terminal Arjosari', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'male' },
  });
  const pickup = reported.body as { id: string; personId: string };
  await tier.service.as(satpol).post(`/pickups/${pickup.id}/hand-over`, { officeId: 'dinsos-3507' });
  const opened = await tier.service.as(malang).post('/cases', { pickupId: pickup.id, categories: ['gelandang'] });
  expect(opened.status).toBe(201);
  return { caseId: opened.body.id as string, personId: pickup.personId };
}

const rowsOf = async (caseOrPerson: string) =>
  (
    await sql.query<{ id: string; route: string; outcome: string }>(
      `SELECT id::text, route, outcome FROM intake.access_records
        WHERE params->>'caseId' = $1 OR params->>'personId' = $1 ORDER BY id`,
      [caseOrPerson],
    )
  ).rows;

const publishedFor = (recordIds: string[]) =>
  eventually(
    async () => records.published.filter((e) => recordIds.includes((e.data as { recordId: string }).recordId)),
    (found) => found.length === recordIds.length,
  );

describe("intake's access records, published for the ledger", () => {
  it('publishes a read of a case, and a refusal, each once, as the contract says', async () => {
    const { caseId, personId } = await openCase();
    expect((await tier.service.as(malang).get(`/cases/${caseId}`)).status).toBe(200);
    expect((await tier.service.as(kediri).get(`/persons/${personId}/journey`)).status).toBe(404);
    const [read] = await rowsOf(caseId);
    const [refused] = await rowsOf(personId);
    expect(read).toMatchObject({ route: '/cases/:caseId', outcome: 'granted' });
    expect(refused).toMatchObject({ route: '/persons/:personId/journey', outcome: 'refused' });

    const events = await publishedFor([read?.id ?? '', refused?.id ?? '']);
    const byRecord = new Map(events.map((e) => [(e.data as { recordId: string }).recordId, e]));
    const granted = byRecord.get(read?.id ?? '') as CloudEvent;
    expect(granted).toMatchObject({
      source: '/lintas/intake',
      type: 'id.lintas.intake.access.recorded.v1',
      subject: personId,
      actoragencyid: 'dinsos-3507',
      actorclientid: malang.clientId,
      data: {
        outcome: 'granted',
        status: 200,
        method: 'GET',
        route: '/cases/:caseId',
        params: { caseId },
        personIds: [personId],
        agencyId: 'dinsos-3507',
        agencyKind: 'dinas-sosial',
        reason: null,
      },
    });
    expect(IntakeAccessRecordedV1.validate(granted.data)).toMatchObject({ ok: true });
    expect(granted.time).toBe((granted.data as { at: string }).at);
    expect(byRecord.get(refused?.id ?? '')).toMatchObject({
      subject: personId,
      actoragencyid: 'dinsos-3571',
      data: { outcome: 'refused', status: 404, personIds: [personId], fields: [], reason: 'person.not-found' },
    });
    // Ids and field names only: nothing the person is.
    expect(JSON.stringify(events)).not.toMatch(/Arjosari|bingung|wandering/);
  });

  it('writes no record when its message cannot be written: the read fails, with neither', async () => {
    const { caseId } = await openCase();
    // The outbox refuses access records for a moment, as a full disk or a broken table would.
    await sql.query(
      `ALTER TABLE intake.outbox ADD CONSTRAINT no_access_records CHECK (topic NOT LIKE '%access-records') NOT VALID`,
    );
    try {
      expect((await tier.service.as(malang).get(`/cases/${caseId}`)).status).toBe(500);
    } finally {
      await sql.query(`ALTER TABLE intake.outbox DROP CONSTRAINT no_access_records`);
    }
    expect(await rowsOf(caseId)).toEqual([]);
    expect((await tier.service.as(malang).get(`/cases/${caseId}`)).status).toBe(200);
    const [read, ...none] = await rowsOf(caseId);
    expect(none).toEqual([]);
    await publishedFor([read?.id ?? '']);
  });
});
