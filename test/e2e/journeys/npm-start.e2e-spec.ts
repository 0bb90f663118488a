import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@lintas/testing/eventually';
import { AGENCIES, JourneyWorld } from '@lintas/testing/journey/journey-world';
import { nikFor, PersonJourney } from '@lintas/testing/journey/person-journey';
import { pickupReport } from '@lintas/testing/journey/pickup-report';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { freePortRange } from '@lintas/testing/infra/free-port';
import { guardChild } from '@lintas/testing/infra/process-guardian';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * What `npm start` runs (after its build): every service on embedded defaults, with the
 * PostgreSQL log carrying the hand-overs instead of Kafka. A person reaches the RSJ through it.
 */
const infra = useRealInfrastructure();
const ROOT = join(__dirname, '..', '..', '..');
let home: string;
/** The five services, the console, and (in the second test) the identity provider at base + 10. */
const PORTS_USED = 11;

/** `npm start`'s own command, without npm: one process, as package.json runs it. */
const START: [string, string[]] = [
  join(ROOT, 'node_modules', '.bin', 'node'),
  ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts')],
];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lintas-home-'));
  infra.defer(() => rm(home, { recursive: true, force: true }));
});

it('runs every service on the PostgreSQL log, and a hand-over crosses from intake to the RSJ', async () => {
  const basePort = await freePortRange(PORTS_USED);
  const launcher = spawn(...START, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: infra.databaseUrl,
      // Its own folder: the developer's .lintas/ is not the test's.
      LINTAS_HOME: home,
      LINTAS_BASE_PORT: String(basePort),
      LOG_LEVEL: 'warn',
      // The journey's agencies are clients of the test's identity provider.
      ...(await testIdentity()).serviceSettings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (launcher.pid !== undefined) guardChild(launcher.pid);
  const output: string[] = [];
  launcher.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const closed = new Promise<number | null>((resolve) => launcher.once('close', resolve));
  try {
    const url = (offset: number) => `http://127.0.0.1:${basePort + offset}`;
    for (const offset of [0, 1, 2, 3, 4]) {
      const ready = await eventually(
        () =>
          fetch(`${url(offset)}/health/ready`).then(
            (r) => r.json() as Promise<{ status: string; checks: object }>,
            () => undefined,
          ),
        (body) => body?.status === 'ready',
        { timeoutMs: 60_000, everyMs: 200 },
      );
      expect(Object.keys(ready?.checks ?? {})).toEqual(['postgres']);
    }
    const world = new JourneyWorld({
      intake: url(0),
      healthLiaison: url(1),
      rehabilitation: url(2),
      familyReunification: url(3),
    });
    const person = new PersonJourney(world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified({ name: 'Ani', birthDate: '1990-05-05', nik: nikFor('1990-05-05', 1) });
    await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    const journeys = await eventually(
      () => world.journeys(person.personId),
      (j) => j.healthLiaison.length === 2,
    );
    expect(journeys.healthLiaison).toEqual(['RsjReferralRequested', 'RsjReferralAccepted']);
  } catch (error) {
    process.stdout.write(output.join(''));
    throw error;
  } finally {
    launcher.kill('SIGTERM');
    expect(await closed).toBe(0);
  }
}, 120_000);

it('runs an identity provider of its own and prints how to get a token, with which a pickup is accepted', async () => {
  const basePort = await freePortRange(PORTS_USED);
  const launcher = spawn(...START, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: infra.databaseUrl,
      // Its own folder: the developer's .lintas/ is not the test's.
      LINTAS_HOME: home,
      LINTAS_BASE_PORT: String(basePort),
      LINTAS_IDENTITY_PORT: String(basePort + 10),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (launcher.pid !== undefined) guardChild(launcher.pid);
  const output: string[] = [];
  launcher.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const closed = new Promise<number | null>((resolve) => launcher.once('close', resolve));
  try {
    const curl = await eventually(
      async () => /curl -s -u (\S+):(\S+) -d grant_type=client_credentials (\S+)/.exec(output.join('')),
      (match) => match !== null,
      { timeoutMs: 60_000, everyMs: 200 },
    );
    const [, clientId, secret, tokenUrl] = curl ?? [];
    const intake = `http://127.0.0.1:${basePort}`;
    const healthLiaison = `http://127.0.0.1:${basePort + 1}`;
    // Both services this test calls, each in its own time.
    for (const service of [intake, healthLiaison]) {
      await eventually(
        () =>
          fetch(`${service}/health/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        { timeoutMs: 60_000, everyMs: 200 },
      );
    }
    // What the printed curl does.
    const issued = await fetch(String(tokenUrl), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(issued.status).toBe(200);
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const pickup = await fetch(`${intake}/pickups`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(pickupReport()),
    });
    expect(pickup.status).toBe(201);
    const refused = await fetch(`${intake}/pickups`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');

    // The demo admin registers an agency and its client; that client's printed-once secret gets a token.
    const [, adminId, adminSecret] = /(lintas-admin-demo)\s+(\S+)/.exec(output.join('')) ?? [];
    const issuer = String(tokenUrl).replace(/\/token$/, '');
    const adminToken = await tokenOf(issuer, String(adminId), String(adminSecret), 'lintas.admin');
    const admin = (path: string, body: unknown) =>
      fetch(`${issuer}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const agencyId = `rsj-e2e-${randomUUID().slice(0, 8)}`;
    expect(
      (await admin('/admin/agencies', { id: agencyId, kind: 'rsj', name: 'RSJ e2e', regionCode: '3578' })).status,
    ).toBe(201);
    const registered = (await (await admin(`/admin/agencies/${agencyId}/clients`, {})).json()) as {
      client: { clientId: string };
      secret: string;
    };
    const rsjToken = await tokenOf(issuer, registered.client.clientId, registered.secret);
    const referrals = await fetch(`${healthLiaison}/referrals`, {
      headers: { authorization: `Bearer ${rsjToken}` },
    });
    expect(referrals.status).toBe(200);
  } catch (error) {
    process.stdout.write(output.join(''));
    throw error;
  } finally {
    launcher.kill('SIGTERM');
    expect(await closed).toBe(0);
  }
}, 120_000);

async function tokenOf(issuer: string, clientId: string, secret: string, scope?: string): Promise<string> {
  const issued = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope && { scope }) }),
  });
  expect(issued.status).toBe(200);
  return ((await issued.json()) as { access_token: string }).access_token;
}
