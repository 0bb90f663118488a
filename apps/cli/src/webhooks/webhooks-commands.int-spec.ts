import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { HEALTH_LIAISON_TOPIC } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { startOnPgLog } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import type { ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { HEALTH_LIAISON_SERVICE } from '../../../health-liaison/src/health-liaison.service-definition';

/**
 * `lintas webhooks …` and `lintas feed referrals` as an RSJ's operator runs them, with the RSJ's own
 * client (no admin scope), against health-liaison on PostgreSQL and a real receiver on this
 * machine: a v1 secret reaches a 0600 file and never the terminal, and verifies what is delivered.
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);
const main = join(__dirname, '..', 'main.ts');
const root = join(__dirname, '../../../..');

const SETTINGS = { WEBHOOK_RETRY_SCHEDULE: '0,0.05,0.05,0.05,0.05', WEBHOOK_POLL_MS: '50' };
const rsj = agency('rsj', 'rsj-cli-1', '3507');
const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const REQUESTED = 'id.lintas.health-liaison.rsj-referral.requested.v1';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: Json;
}

let service: ServiceUnderTest;
let dir: string;
let env: Record<string, string>;
let receiverUrl: string;
const delivered = new Map<string, Delivery[]>();

beforeAll(async () => {
  service = (await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC, SETTINGS)).service;
  // The RSJ's receiving system: accepts everything, keeps each delivery by the path it came to.
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      delivered.set(path, [
        ...(delivered.get(path) ?? []),
        { headers: request.headers, body, event: JSON.parse(body) },
      ]);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  infra.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const identity = await testIdentity();
  dir = await mkdtemp(join(tmpdir(), 'lintas-webhooks-'));
  await writeFile(join(dir, 'rsj-secret'), `${identity.credentialsFor(rsj).secret}\n`, { mode: 0o600 });
  await writeFile(join(dir, 'office-secret'), `${identity.credentialsFor(office).secret}\n`, { mode: 0o600 });
  env = {
    LINTAS_IDENTITY_URL: identity.issuer,
    LINTAS_CLIENT_ID: rsj.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'rsj-secret'),
    LINTAS_HEALTH_LIAISON_URL: service.url,
  };
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function lintas(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...env, ...extraEnv },
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function refer(): Promise<{ referralId: string; personId: string }> {
  const personId = randomUUID();
  const requested = await service.as(office).post('/referrals', {
    caseId: randomUUID(),
    personId,
    rsjId: rsj.agencyId,
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi' },
  });
  expect(requested.status).toBe(201);
  return { referralId: requested.body.id, personId };
}

const signingHeaders = (delivery: Delivery): Record<string, string> => ({
  'webhook-id': String(delivery.headers['webhook-id']),
  'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
  'webhook-signature': String(delivery.headers['webhook-signature']),
});

let edId: string;
let hmacId: string;

describe('lintas webhooks and lintas feed', () => {
  it('subscribes with v1a, and with v1 only given a new file for its secret, which never reaches the terminal', async () => {
    const ed = await lintas(['--json', 'webhooks', 'subscribe', '--url', `${receiverUrl}/v1a`]);
    expect(ed).toMatchObject({ code: 0, stderr: '' });
    const made = JSON.parse(ed.stdout);
    expect(made).toMatchObject({ signature: 'v1a', status: 'active', publicKey: expect.stringMatching(/^whpk_/) });
    expect(made.secret).toBeUndefined();
    edId = made.id;

    // The secret is shown once: without a file for it, nothing is made (exit 2).
    const nowhere = await lintas(['webhooks', 'subscribe', '--url', `${receiverUrl}/v1`, '--signature', 'v1']);
    expect(nowhere).toMatchObject({ code: 2, stdout: '' });
    expect(nowhere.stderr).toContain('a v1 secret is shown once and is not printed: --secret-out <path>');

    const secretFile = join(dir, 'v1-secret');
    const hmac = await lintas([
      'webhooks',
      'subscribe',
      '--url',
      `${receiverUrl}/v1`,
      '--signature',
      'v1',
      '--event',
      REQUESTED,
      '--secret-out',
      secretFile,
    ]);
    expect(hmac).toMatchObject({ code: 0, stderr: '' });
    expect(hmac.stdout).not.toContain('whsec_');
    expect(hmac.stdout).toContain(`secret:     written to ${secretFile} (0600); it is not shown again`);
    expect(hmac.stdout).toContain(`events:     ${REQUESTED}`);
    expect(await readFile(secretFile, 'utf8')).toMatch(/^whsec_[A-Za-z0-9+/=]+\n$/);
    expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
    hmacId = /^id: +(\S+)$/m.exec(hmac.stdout)?.[1] ?? '';

    // Never over a file (it may hold a secret still in use), nor a file for a v1a subscription.
    const again = await lintas([
      'webhooks',
      'subscribe',
      '--url',
      `${receiverUrl}/v1`,
      '--signature',
      'v1',
      '--secret-out',
      secretFile,
    ]);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toContain('exists already');
    const pointless = await lintas(['webhooks', 'subscribe', '--url', receiverUrl, '--secret-out', join(dir, 'x')]);
    expect(pointless.code).toBe(2);
    expect(pointless.stderr).toContain('--secret-out is for v1 only');

    const listed = JSON.parse((await lintas(['--json', 'webhooks', 'list'])).stdout);
    expect(listed.subscriptions.map((s: Json) => s.id).sort()).toEqual([edId, hmacId].sort());
  }, 60_000);

  it('lists and shows them, disables and enables one, and rotates keys (a new v1 secret to a new file)', async () => {
    const listed = await lintas(['webhooks', 'list']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(new RegExp(`^${edId}  active +v1a  last 0 +${receiverUrl}/v1a$`, 'm'));
    expect(listed.stdout).toMatch(new RegExp(`^${hmacId}  active +v1 +last 0 +${receiverUrl}/v1$`, 'm'));

    const disabled = await lintas(['webhooks', 'disable', edId]);
    expect(disabled).toMatchObject({
      code: 0,
      stdout: `${edId}: disabled (owner); deliveries wait until it is enabled again\n`,
    });
    expect(JSON.parse((await lintas(['--json', 'webhooks', 'show', edId])).stdout)).toMatchObject({
      status: 'disabled',
      statusReason: 'owner',
    });
    expect(await lintas(['webhooks', 'enable', edId])).toMatchObject({
      code: 0,
      stdout: `${edId}: active; what waited is sent, oldest first\n`,
    });
    const shown = await lintas(['webhooks', 'show', edId]);
    expect(shown.stdout).toMatch(/^status: +active since /m);
    expect(shown.stdout).toContain('every referral event the RSJ may see');

    const rotated = await lintas(['webhooks', 'rotate-key', edId, '--overlap-hours', '1']);
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    expect(rotated.stdout).toContain(`rotated the key of ${edId}: generation 2`);
    expect(rotated.stdout).toMatch(/the previous one signs beside it until .* \(public key whpk_/);

    const noFile = await lintas(['webhooks', 'rotate-key', hmacId]);
    expect(noFile).toMatchObject({ code: 2, stdout: '' });
    expect(noFile.stderr).toContain('--secret-out');
    const newSecret = join(dir, 'v1-secret-2');
    const rotatedHmac = await lintas(['--json', 'webhooks', 'rotate-key', hmacId, '--secret-out', newSecret]);
    expect(rotatedHmac).toMatchObject({ code: 0, stderr: '' });
    expect(rotatedHmac.stdout).not.toContain('whsec_');
    expect(JSON.parse(rotatedHmac.stdout)).toMatchObject({ id: hmacId, keyGeneration: 2, secretFile: newSecret });
    expect(await readFile(newSecret, 'utf8')).not.toBe(await readFile(join(dir, 'v1-secret'), 'utf8'));
  }, 60_000);

  it('reads the attempts and the feed once a referral is made, and follows the feed', async () => {
    const first = await refer();
    for (const path of ['/v1', '/v1a']) {
      await eventually(
        async () => delivered.get(path) ?? [],
        (found) => found.length === 1,
      );
    }
    // The secret from the file verifies what the receiver got.
    const [delivery] = delivered.get('/v1') ?? [];
    const secret = (await readFile(join(dir, 'v1-secret-2'), 'utf8')).trim();
    expect(delivery && new Webhook(secret).verify(delivery.body, signingHeaders(delivery))).toMatchObject({
      type: REQUESTED,
      subject: first.personId,
    });

    const attempts = await eventually(
      async () => JSON.parse((await lintas(['--json', 'webhooks', 'attempts', hmacId])).stdout),
      (answer) => answer.attempts.length === 1,
      { everyMs: 200 },
    );
    expect(attempts.attempts[0]).toMatchObject({ sequence: 1, attempt: 1, statusCode: 204, outcome: 'delivered' });
    const words = await lintas(['webhooks', 'attempts', hmacId, '--limit', '10']);
    expect(words.stdout).toMatch(/^\S+ {2}#1 try 1 +204 +\d+ ms {2}delivered {2}[0-9a-f-]{36}\n$/);

    const feed = await lintas(['--json', 'feed', 'referrals', '--subscription', hmacId]);
    expect(feed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(feed.stdout)).toMatchObject({
      subscriptionId: hmacId,
      items: [{ sequence: 1, personId: first.personId, event: { type: REQUESTED } }],
      next: 1,
    });
    const own = await lintas(['feed', 'referrals']);
    expect(own.stdout).toMatch(new RegExp(`^ +1 {2}\\S+ {2}${REQUESTED} {2}${first.personId}\\nnext: --after 1\\n$`));

    const follower = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'feed', 'referrals', '--after', '1', '--follow'],
      {
        env,
        cwd: root,
      },
    );
    infra.defer(async () => follower.kill());
    let lines = '';
    follower.stdout.on('data', (chunk: Buffer) => (lines += chunk.toString('utf8')));
    // Let it start and wait in a long poll before the next event is there.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const second = await refer();
    await eventually(
      async () => lines,
      (text) => text.endsWith('\n'),
      { timeoutMs: 30_000, everyMs: 100 },
    );
    expect(
      lines
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      expect.objectContaining({
        sequence: 2,
        personId: second.personId,
        event: expect.objectContaining({ type: REQUESTED }),
      }),
    ]);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => follower.on('exit', (_, signal) => resolve(signal)));
    follower.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
  }, 90_000);

  it('sends delivered events again, with their numbers and webhook-ids', async () => {
    // The v1 subscription had both referrals' requested events by now: sequences 1 and 2.
    const first = await eventually(
      async () => delivered.get('/v1') ?? [],
      (found) => found.length === 2,
    );
    const again = await lintas([
      '--json',
      'webhooks',
      'redeliver',
      hmacId,
      '--from-sequence',
      '1',
      '--to-sequence',
      '1',
    ]);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(again.stdout)).toEqual({ redelivered: 1 });
    const resent = (
      await eventually(
        async () => delivered.get('/v1') ?? [],
        (found) => found.length === 3,
      )
    ).at(-1);
    expect(resent?.event.sequence).toBe('1');
    expect(resent?.headers['webhook-id']).toBe(first.find((d) => d.event.sequence === '1')?.headers['webhook-id']);

    const since = await lintas([
      'webhooks',
      'redeliver',
      hmacId,
      '--since',
      new Date(Date.now() + 60_000).toISOString(),
    ]);
    expect(since).toMatchObject({ code: 0, stdout: `${hmacId}: 0 delivered event(s) queued to be sent again\n` });
  }, 60_000);

  it('exits 1 when the service refuses (an agency that is no RSJ, an unknown subscription), 2 when used wrongly', async () => {
    const notRsj = await lintas(['webhooks', 'list'], {
      LINTAS_CLIENT_ID: office.clientId,
      LINTAS_CLIENT_SECRET_FILE: join(dir, 'office-secret'),
    });
    expect(notRsj).toMatchObject({ code: 1, stdout: '' });
    expect(notRsj.stderr).toMatch(/^lintas: 403 /);

    const unknown = await lintas(['webhooks', 'show', randomUUID()]);
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'lintas: 404 no such webhook subscription\n' });

    const badLimit = await lintas(['webhooks', 'attempts', edId, '--limit', 'ten']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('a whole number of at least 1');

    const badForm = await lintas(['webhooks', 'subscribe', '--url', receiverUrl, '--payload-form', 'xml']);
    expect(badForm.code).toBe(2);
    expect(badForm.stderr).toContain("argument 'xml' is invalid");

    const noSelection = await lintas(['webhooks', 'redeliver', edId]);
    expect(noSelection).toMatchObject({ code: 2, stdout: '' });
    expect(noSelection.stderr).toContain('which events?');
  }, 60_000);
});
