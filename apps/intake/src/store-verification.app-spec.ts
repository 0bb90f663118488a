import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { SealSigner } from '@lintas/event-store/sealing/seal-signature';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * An admin has intake verify its own event store over HTTP (`POST /admin/store-verifications`, the
 * route every service has): the report of an intact store, the refusal of anyone else, and the
 * report that names an event altered behind the service's back, by SQL.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const admin = agency('admin', 'lintas-admin', '35');

let service: ServiceUnderTest;
let sql: Pool;
let keyFolder: string;
/** The key the service is configured with: SEAL_SIGNING_KEY_FILE. */
const sealKey = SealSigner.generate();

beforeAll(async () => {
  keyFolder = await mkdtemp(join(tmpdir(), 'lintas-intake-seal-'));
  const keyFile = join(keyFolder, 'intake-seal.pem');
  await writeFile(keyFile, sealKey.toPem(), { mode: 0o600 });
  service = await startServiceUnderTest(INTAKE_SERVICE, infra, {
    MESSAGING_TRANSPORT: 'pg-log',
    SEAL_SIGNING_KEY_FILE: keyFile,
  });
  sql = infra.createPool({ max: 1 });
});

afterAll(() => rm(keyFolder, { recursive: true, force: true }));

async function reportPickup(): Promise<{ id: string; position: string }> {
  const reply = await service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Alun-alun Kepanjen', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'female' },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

const verification = (as = admin) => service.as(as).post('/admin/store-verifications', {});

describe('store verification over HTTP', () => {
  it("answers an admin with the report on intake's store, its seals signed by the configured key", async () => {
    await reportPickup();
    // The sealer runs every 5 s: the report vouches for the seals once it has been round.
    const reply = await eventually(
      () => verification(),
      (answer) => answer.body?.unsealedEvents === 0 && answer.body?.sealsChecked > 0,
      { timeoutMs: 20_000, everyMs: 250 },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      service: 'intake',
      schema: 'intake',
      verifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      ok: true,
      eventsChecked: expect.any(Number),
      streamsChecked: expect.any(Number),
      sealsChecked: expect.any(Number),
      unsignedSeals: 0,
      unsealedEvents: 0,
      breaks: [],
      breaksTruncated: false,
    });
    expect(reply.body.eventsChecked).toBeGreaterThan(0);
    const { rows } = await sql.query<{ key_id: string }>('SELECT DISTINCT key_id FROM intake.seals');
    expect(rows).toEqual([{ key_id: sealKey.keyId }]);
  });

  it('refuses an agency that is not an admin, as problem+json', async () => {
    const reply = await verification(malang);
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 403, code: 'agency.not-allowed' });
  });

  it('names an event altered by SQL: its stream, version, position and event id', async () => {
    const pickup = await reportPickup();
    const { rows } = await sql.query<{ stream_id: string; stream_version: number; event_id: string }>(
      `UPDATE intake.events SET data = '{"observedCondition":"tenang"}'
        WHERE transaction_id::text || '.' || sequence::text = $1
        RETURNING stream_id, stream_version, event_id::text`,
      [pickup.position],
    );
    const altered = rows[0];
    expect(altered?.stream_id).toContain(pickup.id);

    const reply = await verification();
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ service: 'intake', ok: false, breaksTruncated: false });
    expect(reply.body.breaks).toContainEqual({
      kind: 'event-altered',
      streamId: altered?.stream_id,
      streamVersion: altered?.stream_version,
      position: pickup.position,
      eventId: altered?.event_id,
      detail: expect.stringContaining(pickup.position),
    });
  });
});
