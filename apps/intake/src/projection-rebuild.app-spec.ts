import type { Pool, PoolClient } from 'pg';
import { comparePositions, parsePosition, START, type GlobalPosition } from '@lintas/event-store/position';
import { digestOf } from '@lintas/event-store/subscriptions/shadow-rebuild';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * An admin has intake rebuild one of its read models over HTTP (`/admin/projections`, the routes
 * every service has): listed with its checkpoint and lag, rebuilt in a shadow and swapped in, one
 * rebuild at a time, to the digest the live model had built event by event; refused to others.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const admin = agency('admin', 'lintas-admin', '35');
const JOURNEY = 'person-journey.v2';

let service: ServiceUnderTest;
let sql: Pool;

beforeAll(async () => {
  service = await startServiceUnderTest(INTAKE_SERVICE, infra, { MESSAGING_TRANSPORT: 'pg-log' });
  sql = infra.createPool({ max: 2 });
});

/** The position of the last pickup's events: "no lag" alone does not say they were applied. */
let lastWritten: GlobalPosition = START;

async function reportPickup(): Promise<void> {
  const reply = await service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Alun-alun Kepanjen', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'female' },
  });
  expect(reply.status).toBe(201);
  lastWritten = parsePosition(String(reply.headers.get('x-lintas-position')));
}

/**
 * Every read model has applied every pickup reported so far. Lag counts only events readers may
 * see: while a writer's older transaction is still open (another projection's, a reaction's), a
 * committed pickup is not visible yet and the lag is 0 without it.
 */
const caughtUp = (reply: { body?: Record<string, unknown> }): boolean => {
  const projections = reply.body?.projections as Listed[] | undefined;
  return (
    projections !== undefined &&
    projections.every((p) => p.lagEvents === 0 && comparePositions(parsePosition(p.position), lastWritten) >= 0)
  );
};

interface Listed {
  name: string;
  position: string;
  lagEvents: number;
}

const list = () => service.as(admin).get('/admin/projections');
const rebuild = (name = JOURNEY, as = admin) =>
  service.as(as).post(`/admin/projections/${encodeURIComponent(name)}/rebuild`, {});
const status = (name = JOURNEY) => service.as(admin).get(`/admin/projections/${encodeURIComponent(name)}/rebuild`);

describe('projection rebuilds over HTTP', () => {
  it('lists the read models, rebuilds one while refusing a second rebuild, to the digest it had', async () => {
    for (let i = 0; i < 5; i += 1) await reportPickup();
    const listed = await eventually(() => list(), caughtUp);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ service: 'intake', schema: 'intake' });
    expect((listed.body.projections as Listed[]).map((p) => p.name)).toEqual([
      JOURNEY,
      'caseload',
      'known-persons',
      'whereabouts',
      'emergency-accesses',
      'tracing-requests',
    ]);
    const journey = (listed.body.projections as Listed[]).find((p) => p.name === JOURNEY);
    expect(journey?.position).toMatch(/^\d+\.\d+$/);
    expect(journey?.position).not.toBe('0.0');
    const projection = new PersonJourneyProjection('intake');
    const built = await digestOf(sql, 'intake', projection);
    expect(built.tables.find((t) => t.table === 'person_journey')?.rows).toBeGreaterThan(0);

    // Hold the live checkpoint: the rebuild catches up, then waits at its swap, still running.
    const holder: PoolClient = await sql.connect();
    let started;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM intake.checkpoints WHERE name = $1 FOR UPDATE', [JOURNEY]);
      started = await rebuild();
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ projection: JOURNEY, status: 'running', resumedFrom: 0 });
      expect(started.body.rebuildId).toMatch(/^[0-9a-f-]{36}$/);

      const again = await rebuild();
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'projection.rebuild-running', rebuildId: started.body.rebuildId });
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }

    const done = await eventually(
      () => status(),
      (reply) => reply.body?.status !== 'running',
    );
    expect(done.body).toMatchObject({
      rebuildId: started.body.rebuildId,
      projection: JOURNEY,
      status: 'done',
      etaSeconds: 0,
      digest: built.digest,
      startedAt: expect.stringMatching(/Z$/),
      finishedAt: expect.stringMatching(/Z$/),
    });
    expect(done.body.done).toBeGreaterThan(0);
    expect(done.body.done).toBe(done.body.total);
    expect(done.body.rate).toEqual(expect.any(Number));
    expect(done.body.tables).toEqual(built.tables);
    expect(await digestOf(sql, 'intake', projection)).toEqual(built);

    // The swap left no shadow, and the live projection goes on from its checkpoint.
    const { rows } = await sql.query(`SELECT 1 FROM pg_namespace WHERE nspname LIKE 'intake\\_rebuild\\_%'`);
    expect(rows).toEqual([]);
    await reportPickup();
    await eventually(() => list(), caughtUp);
    const after = await digestOf(sql, 'intake', projection);
    expect(after.tables.find((t) => t.table === 'person_journey')?.rows).toBeGreaterThan(
      built.tables.find((t) => t.table === 'person_journey')?.rows ?? Infinity,
    );
  });

  it("keeps the other services' whereabouts steps (their reactions' rows) through a rebuild of whereabouts", async () => {
    await reportPickup();
    await eventually(() => list(), caughtUp);
    const foreign = '6a3d1f4e-2b7c-4d1a-9e8f-0c5b7a9d2e1f';
    await sql.query(
      `INSERT INTO intake.whereabouts_steps (event_id, person_id, stage, stage_rank, since, agency_id, source)
       VALUES ($1, gen_random_uuid(), 'in-rsj', 3, now(), 'rsj-menur', 'id.lintas.health-liaison.patient.admitted')`,
      [foreign],
    );
    const own = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM intake.whereabouts_steps WHERE source = 'intake'`,
        )
      ).rows[0]?.n;
    const ownBefore = await own();
    expect(ownBefore).toBeGreaterThan(0);

    expect((await rebuild('whereabouts')).status).toBe(202);
    const done = await eventually(
      () => status('whereabouts'),
      (reply) => reply.body?.status !== 'running',
    );
    expect(done.body).toMatchObject({ status: 'done' });
    const { rows } = await sql.query('SELECT source FROM intake.whereabouts_steps WHERE event_id = $1', [foreign]);
    expect(rows).toEqual([{ source: 'id.lintas.health-liaison.patient.admitted' }]);
    expect(await own()).toBe(ownBefore);
  });

  it('answers 404 for a projection it does not have, and 403 to an agency that is not an admin', async () => {
    expect((await rebuild('no-such-model')).body).toMatchObject({ status: 404, code: 'projection.unknown' });
    expect((await status('caseload')).body).toMatchObject({ status: 404, code: 'projection.no-rebuild' });
    const refused = await rebuild(JOURNEY, malang);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'agency.not-allowed' });
    expect((await service.as(malang).get('/admin/projections')).status).toBe(403);
  });
});
