import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { generateSigningKey } from '@lintas/identity/signing-key';
import { freePort } from '@lintas/testing/infra/free-port';
import { guardChild } from '@lintas/testing/infra/process-guardian';

/**
 * The identity app as it is deployed: its own process, its settings from the environment, its
 * clients and keys from files, and agencies' systems and services meeting it over HTTP only.
 */
const AUDIENCE = 'urn:lintas:api';
const rsj = {
  clientId: 'rsj-lawang-system',
  clientSecret: 'a-secret-of-rsj-lawang-only-0123456789',
  agencyId: 'rsj-lawang',
  agencyKind: 'rsj',
  regionCode: '3507',
  scopes: [],
};
const admin = {
  clientId: 'lintas-admin-system',
  clientSecret: 'a-secret-of-the-administrators-only-0123',
  agencyId: 'lintas-admin',
  agencyKind: 'admin',
  regionCode: '35',
  scopes: ['lintas.admin'],
};

interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

/** One run of `apps/identity/src/main.ts`, as `npm exec -- tsx` runs it. */
class IdentityProcess {
  readonly lines: LogLine[] = [];
  readonly output: string[] = [];
  private readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcess) {
    this.exited = once(child, 'close').then(([code]) => code as number | null);
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        if (line.startsWith('{')) this.lines.push(JSON.parse(line) as LogLine);
      });
    }
  }

  static start(settings: Record<string, string>): IdentityProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
      cwd: join(__dirname, '../../..'),
      env: { NODE_ENV: 'test', ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) guardChild(child.pid);
    return new IdentityProcess(child);
  }

  async listening(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!this.lines.some((line) => line.message === 'identity listening')) {
      if (this.child.exitCode !== null) throw new Error(`identity exited:\n${this.output.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`identity did not start:\n${this.output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  exit(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

async function token(
  issuer: string,
  client: { clientId: string; clientSecret: string },
  options: { scope?: string; post?: boolean } = {},
): Promise<{ status: number; body: { access_token?: string; error?: string; scope?: string; expires_in?: number } }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (options.scope) form.set('scope', options.scope);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.post) {
    form.set('client_id', client.clientId);
    form.set('client_secret', client.clientSecret);
  } else {
    headers.authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  }
  const response = await fetch(`${issuer}/token`, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as never };
}

async function discovery(issuer: string): Promise<{ token_endpoint: string; jwks_uri: string; issuer: string }> {
  return (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as never;
}

async function publishedKeys(issuer: string): Promise<JWK[]> {
  return ((await (await fetch((await discovery(issuer)).jwks_uri)).json()) as { keys: JWK[] }).keys;
}

let dir: string;
let clientsFile: string;
let keysFile: string;
let port: number;
let issuer: string;
let running: IdentityProcess | undefined;

function start(extra: Record<string, string> = {}): IdentityProcess {
  running = IdentityProcess.start({
    PORT: String(port),
    IDENTITY_ISSUER: issuer,
    IDENTITY_CLIENTS_FILE: clientsFile,
    IDENTITY_SIGNING_KEYS_FILE: keysFile,
    ...extra,
  });
  return running;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lintas-identity-'));
  clientsFile = join(dir, 'clients.json');
  keysFile = join(dir, 'signing-keys.json');
  await writeFile(clientsFile, JSON.stringify([rsj, admin]));
  port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the identity app', () => {
  it('refuses to start on a bad setting, naming it, with the exit code of a bad configuration', async () => {
    const identity = start({ ACCESS_TOKEN_TTL_SECONDS: '3600', IDENTITY_ISSUER: `${issuer}/` });
    expect(await identity.exit()).toBe(78);
    expect(identity.lines).toEqual([
      expect.objectContaining({
        level: 'fatal',
        problems: [
          expect.stringMatching(/^IDENTITY_ISSUER: must have no trailing slash/),
          expect.stringMatching(/^ACCESS_TOKEN_TTL_SECONDS: must be at most 900 seconds/),
        ],
      }),
    ]);
  });

  it('issues at+jwt access tokens that any relying party verifies from discovery, and logs no secret', async () => {
    const [key, other] = [await generateSigningKey(), await generateSigningKey()];
    await writeFile(keysFile, JSON.stringify({ keys: [key, other] }), { mode: 0o600 });
    const identity = start();
    await identity.listening();

    const document = await discovery(issuer);
    expect(document).toMatchObject({ issuer, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
    const keys = await publishedKeys(issuer);
    expect(keys.map((published) => published.kid)).toEqual([key.kid, other.kid]);
    for (const published of keys) expect(published).not.toHaveProperty('d');

    for (const post of [false, true]) {
      const { status, body } = await token(issuer, rsj, { post });
      expect(status).toBe(200);
      const accessToken = String(body.access_token);
      expect(decodeProtectedHeader(accessToken)).toEqual({ typ: 'at+jwt', alg: 'ES256', kid: key.kid });
      const { payload } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(document.jwks_uri)), {
        issuer,
        audience: AUDIENCE,
        typ: 'at+jwt',
      });
      expect(payload).toMatchObject({
        sub: rsj.clientId,
        client_id: rsj.clientId,
        aud: AUDIENCE,
        agency_id: 'rsj-lawang',
        agency_kind: 'rsj',
        region_code: '3507',
      });
      expect(payload.scope ?? '').toBe('');
      expect(payload.jti).toEqual(expect.any(String));
      expect(Number(payload.exp) - Number(payload.iat)).toBe(600);
    }

    const granted = await token(issuer, admin, { scope: 'lintas.admin' });
    const { payload } = await jwtVerify(
      String(granted.body.access_token),
      createRemoteJWKSet(new URL(document.jwks_uri)),
      { issuer, audience: AUDIENCE, typ: 'at+jwt' },
    );
    expect(payload).toMatchObject({ scope: 'lintas.admin', agency_kind: 'admin', region_code: '35' });

    expect(await token(issuer, { ...rsj, clientSecret: `${rsj.clientSecret}-guessed` })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    // A scope the client does not hold, or that does not exist, is refused, never left out quietly.
    for (const [client, scope] of [
      [rsj, 'lintas.admin'],
      [admin, 'referrals.everything'],
    ] as const) {
      expect({ scope, ...(await token(issuer, client, { scope })) }).toMatchObject({
        scope,
        status: 400,
        body: { error: 'invalid_scope' },
      });
    }

    expect(await identity.stop()).toBe(0);
    expect(identity.lines.map((line) => line.message)).toEqual(
      expect.arrayContaining(['identity listening', 'identity stopping']),
    );
    expect(identity.lines).toContainEqual(expect.objectContaining({ error: 'invalid_client', clientId: rsj.clientId }));
    const log = identity.output.join('\n');
    for (const secret of [rsj.clientSecret, admin.clientSecret, String(key.d), String(other.d)]) {
      expect(log).not.toContain(secret);
    }
  });

  it('rotates keys without downtime: after a restart with a new first key, tokens of the old one still verify', async () => {
    const [oldKey, newKey] = [await generateSigningKey(), await generateSigningKey()];
    await writeFile(keysFile, JSON.stringify({ keys: [oldKey] }), { mode: 0o600 });
    const before = start();
    await before.listening();
    const oldToken = String((await token(issuer, rsj)).body.access_token);
    expect(await before.stop()).toBe(0);

    await writeFile(keysFile, JSON.stringify({ keys: [newKey, oldKey] }), { mode: 0o600 });
    await start().listening();
    expect((await publishedKeys(issuer)).map((published) => published.kid)).toEqual([newKey.kid, oldKey.kid]);
    const newToken = String((await token(issuer, rsj)).body.access_token);
    expect(decodeProtectedHeader(newToken).kid).toBe(newKey.kid);
    const jwks = createRemoteJWKSet(new URL((await discovery(issuer)).jwks_uri));
    for (const accessToken of [oldToken, newToken]) {
      await expect(jwtVerify(accessToken, jwks, { issuer, audience: AUDIENCE, typ: 'at+jwt' })).resolves.toBeDefined();
    }
  });
});
