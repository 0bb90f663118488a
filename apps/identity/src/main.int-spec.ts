import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { generateSigningKey } from '@lintas/identity/signing-key';
import { IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { freePort } from '@lintas/testing/infra/free-port';
import { guardChild } from '@lintas/testing/infra/process-guardian';
import { signInAs } from '@lintas/testing/identity/sign-in-browser';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The identity app as it is deployed: its own process, its settings from the environment, its
 * clients and keys from files, and agencies' systems and services meeting it over HTTP only.
 */
const AUDIENCE = 'urn:lintas:api';
const infra = useRealInfrastructure();
interface Credentials {
  clientId: string;
  clientSecret: string;
}
/** Filled by bootstrap-admin and the admin API in the first tests. */
let admin: Credentials;
let rsj: Credentials;

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

  static start(settings: Record<string, string>, args: string[] = []): IdentityProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), ...args], {
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
let keysFile: string;
let port: number;
let issuer: string;
let running: IdentityProcess | undefined;

function start(extra: Record<string, string> = {}, args: string[] = []): IdentityProcess {
  running = IdentityProcess.start(
    {
      PORT: String(port),
      IDENTITY_ISSUER: issuer,
      DATABASE_URL: infra.databaseUrl,
      IDENTITY_SIGNING_KEYS_FILE: keysFile,
      ...extra,
    },
    args,
  );
  return running;
}

async function adminCall(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; token?: string; contentType?: string } = {},
): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const accessToken =
    options.token ?? String((await token(issuer, admin, { scope: 'lintas.admin' })).body.access_token);
  const response = await fetch(`${issuer}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(options.body !== undefined && { 'content-type': options.contentType ?? 'application/json' }),
    },
    ...(options.body !== undefined && {
      body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as never,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lintas-identity-'));
  keysFile = join(dir, 'signing-keys.json');
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

  it('bootstraps the first admin on the server, who registers an agency and its client; the secret is shown once', async () => {
    const bootstrap = start({}, ['bootstrap-admin', '--agency-id', 'lintas-admin', '--name', 'Admin Lintas Jatim']);
    expect(await bootstrap.exit()).toBe(0);
    const printed = bootstrap.output.map((line) => JSON.parse(line) as Record<string, string>);
    expect(printed).toEqual([{ clientId: 'lintas-admin-1', secret: expect.any(String), scope: 'lintas.admin' }]);
    admin = { clientId: String(printed[0]?.clientId), clientSecret: String(printed[0]?.secret) };

    await start().listening();
    expect(
      await adminCall('POST', '/admin/agencies', {
        body: { id: 'rsj-lawang', kind: 'rsj', name: 'RSJ Dr. Radjiman Wediodiningrat Lawang', regionCode: '3507' },
      }),
    ).toMatchObject({ status: 201, body: { id: 'rsj-lawang', kind: 'rsj', regionCode: '3507' } });
    const registered = await adminCall('POST', '/admin/agencies/rsj-lawang/clients', {
      body: { clientId: 'rsj-lawang-system' },
    });
    expect(registered).toMatchObject({
      status: 201,
      body: { client: { clientId: 'rsj-lawang-system', status: 'active', scopes: [] }, secret: expect.any(String) },
    });
    rsj = { clientId: 'rsj-lawang-system', clientSecret: String(registered.body.secret) };

    const read = await adminCall('GET', '/admin/agencies/rsj-lawang');
    expect(read.body).toMatchObject({ agency: { id: 'rsj-lawang' }, clients: [{ clientId: 'rsj-lawang-system' }] });
    expect(JSON.stringify(read.body)).not.toContain(rsj.clientSecret);
    expect(Object.keys((read.body.clients as object[])[0] ?? {})).not.toContain('secretHash');

    const changes = await adminCall('GET', '/admin/register-changes');
    expect(
      (changes.body.changes as { action: string; subject: string; actor: object }[]).map((c) => [
        c.action,
        c.subject,
        c.actor,
      ]),
    ).toEqual([
      ['agency-registered', 'lintas-admin', { clientId: 'bootstrap', agencyId: 'bootstrap' }],
      ['client-registered', 'lintas-admin-1', { clientId: 'bootstrap', agencyId: 'bootstrap' }],
      ['agency-registered', 'rsj-lawang', { clientId: admin.clientId, agencyId: 'lintas-admin' }],
      ['client-registered', 'rsj-lawang-system', { clientId: admin.clientId, agencyId: 'lintas-admin' }],
    ]);
    expect(JSON.stringify(changes.body)).not.toContain(rsj.clientSecret);
  });

  it('refuses every admin call that is not an admin with the admin scope, or not a valid change, as problem+json', async () => {
    await start().listening();
    const rsjToken = String((await token(issuer, rsj)).body.access_token);
    const unscoped = String((await token(issuer, admin)).body.access_token);
    const cases: [
      string,
      Promise<{ status: number; type: string | null; body: Record<string, unknown> }>,
      number,
      string,
    ][] = [
      ['no token', adminCall('GET', '/admin/agencies', { token: '' }), 401, 'agency.not-authenticated'],
      ['not a token', adminCall('GET', '/admin/agencies', { token: 'forged' }), 401, 'agency.not-authenticated'],
      ['an RSJ', adminCall('GET', '/admin/agencies', { token: rsjToken }), 403, 'agency.not-allowed'],
      [
        'an admin without the scope',
        adminCall('GET', '/admin/agencies', { token: unscoped }),
        403,
        'agency.scope-missing',
      ],
      [
        'a bad agency',
        adminCall('POST', '/admin/agencies', { body: { id: 'X', kind: 'bank', regionCode: '350' } }),
        400,
        'request.invalid',
      ],
      [
        'a field nobody asked for',
        adminCall('POST', '/admin/agencies/rsj-lawang/clients', { body: { secret: 'mine' } }),
        400,
        'request.invalid',
      ],
      [
        'not JSON',
        adminCall('POST', '/admin/agencies', { body: 'id=x', contentType: 'text/plain' }),
        415,
        'request.unsupported-media-type',
      ],
      ['an unknown agency', adminCall('GET', '/admin/agencies/rsj-nowhere'), 404, 'register.not-found'],
      [
        'an agency twice',
        adminCall('POST', '/admin/agencies', {
          body: { id: 'rsj-lawang', kind: 'rsj', name: 'Again', regionCode: '3507' },
        }),
        409,
        'register.conflict',
      ],
      [
        'a parent elsewhere',
        adminCall('POST', '/admin/agencies', {
          body: { id: 'rsj-menur', kind: 'rsj', name: 'RSJ Menur', regionCode: '3578', parentId: 'rsj-lawang' },
        }),
        422,
        'register.invalid',
      ],
      [
        'the admin scope for an RSJ',
        adminCall('POST', '/admin/agencies/rsj-lawang/clients', { body: { scopes: ['lintas.admin'] } }),
        422,
        'register.invalid',
      ],
      ['a wrong method', adminCall('POST', '/admin/register-changes', { body: {} }), 405, 'http.405'],
    ];
    for (const [name, call, status, code] of cases) {
      const answer = await call;
      expect({ name, status: answer.status, type: answer.type, code: answer.body.code }).toEqual({
        name,
        status,
        type: 'application/problem+json',
        code,
      });
    }
  });

  it('rotates a secret with a day of overlap (or none), and a revoked client gets no token and its tokens are refused', async () => {
    await start().listening();
    const made = await adminCall('POST', '/admin/agencies/rsj-lawang/clients', {
      body: { clientId: 'rsj-lawang-rotating' },
    });
    const first = { clientId: 'rsj-lawang-rotating', clientSecret: String(made.body.secret) };
    const before = String((await token(issuer, first)).body.access_token);
    const rotated = await adminCall('POST', '/admin/clients/rsj-lawang-rotating/secret', { body: {} });
    expect(rotated).toMatchObject({ status: 200, body: { client: { previousSecretUntil: expect.any(String) } } });
    const next = { clientId: first.clientId, clientSecret: String(rotated.body.secret) };
    // During the overlap both work, so the RSJ deploys the new one without an outage.
    expect((await token(issuer, first)).status).toBe(200);
    expect((await token(issuer, next)).status).toBe(200);
    const cut = await adminCall('POST', '/admin/clients/rsj-lawang-rotating/secret', { body: { overlapSeconds: 0 } });
    const newest = { clientId: first.clientId, clientSecret: String(cut.body.secret) };
    expect((await token(issuer, next)).status).toBe(401);
    expect((await token(issuer, newest)).status).toBe(200);

    const keys = new IssuerKeys(issuer);
    const expected = { issuer, audience: AUDIENCE, isRevoked: keys.isRevoked };
    await expect(verifyAccessToken(before, keys.getKey, expected)).resolves.toMatchObject({ clientId: first.clientId });
    expect(
      await adminCall('POST', '/admin/clients/rsj-lawang-rotating/revocation', {
        body: { reason: 'the RSJ left Lintas' },
      }),
    ).toMatchObject({ status: 200, body: { client: { status: 'revoked', revocationReason: 'the RSJ left Lintas' } } });
    expect(await token(issuer, newest)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await (await fetch(`${issuer}/revoked-clients`)).json()).toEqual({
      clients: [{ clientId: first.clientId, revokedAt: expect.any(Number) }],
      users: [],
    });
    const fresh = new IssuerKeys(issuer);
    await expect(
      verifyAccessToken(before, fresh.getKey, { ...expected, isRevoked: fresh.isRevoked }),
    ).rejects.toMatchObject({
      reason: 'the client was revoked',
    });
    expect(await adminCall('POST', '/admin/clients/rsj-lawang-rotating/secret', { body: {} })).toMatchObject({
      status: 409,
    });
    const changes = (await adminCall('GET', '/admin/register-changes')).body.changes as {
      action: string;
      subject: string;
    }[];
    expect(changes.filter((change) => change.subject === first.clientId).map((change) => change.action)).toEqual([
      'client-registered',
      'client-secret-rotated',
      'client-secret-rotated',
      'client-revoked',
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
  it('registers the console and the people of agencies, who sign in through it; an admin user administers the register as themself', async () => {
    const identity = start();
    await identity.listening();
    const redirectUri = 'http://127.0.0.1:3006/auth/callback';
    const consoleClient = await adminCall('POST', '/admin/agencies/lintas-admin/clients', {
      body: {
        clientId: 'lintas-console',
        scopes: ['lintas.admin'],
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: [redirectUri],
        postLogoutRedirectUris: ['http://127.0.0.1:3006/'],
      },
    });
    expect(consoleClient).toMatchObject({
      status: 201,
      body: {
        client: {
          clientId: 'lintas-console',
          grantTypes: ['authorization_code', 'refresh_token'],
          redirectUris: [redirectUri],
        },
        secret: expect.any(String),
      },
    });
    const client = { clientId: 'lintas-console', secret: String(consoleClient.body.secret), redirectUri };
    // Its secret is for the code exchange: it gets no token of its own.
    expect(await token(issuer, { clientId: client.clientId, clientSecret: client.secret })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'requested grant type is not allowed for this client' },
    });

    const adi = await adminCall('POST', '/admin/agencies/lintas-admin/users', {
      body: { userId: 'adi.admin', name: 'Adi Nugroho', role: 'admin' },
    });
    expect(adi).toMatchObject({
      status: 201,
      body: {
        user: { userId: 'adi.admin', role: 'admin', passwordChangeRequired: true },
        password: expect.any(String),
      },
    });
    const riniPassword = 'rini bertugas di lawang';
    const rini = await adminCall('POST', '/admin/agencies/rsj-lawang/users', {
      body: {
        userId: 'rini.supervisor',
        name: 'Rini Handayani',
        role: 'supervisor',
        password: riniPassword,
        passwordChangeRequired: false,
      },
    });
    expect(rini).toMatchObject({ status: 201, body: { user: { userId: 'rini.supervisor', agencyId: 'rsj-lawang' } } });
    expect(rini.body).not.toHaveProperty('password');

    const refusals: [string, Promise<{ status: number; body: Record<string, unknown> }>, number][] = [
      [
        'an admin outside an admin agency',
        adminCall('POST', '/admin/agencies/rsj-lawang/users', {
          body: { userId: 'rudi.admin', name: 'Rudi', role: 'admin' },
        }),
        422,
      ],
      [
        'a user twice',
        adminCall('POST', '/admin/agencies/rsj-lawang/users', {
          body: { userId: 'rini.supervisor', name: 'Rini', role: 'supervisor' },
        }),
        409,
      ],
      [
        'a user id with capitals and a space',
        adminCall('POST', '/admin/agencies/rsj-lawang/users', {
          body: { userId: 'Rini Two', name: 'Rini', role: 'supervisor' },
        }),
        400,
      ],
      [
        'a short password',
        adminCall('POST', '/admin/agencies/rsj-lawang/users', {
          body: { userId: 'rina.supervisor', name: 'Rina', role: 'supervisor', password: 'rahasia' },
        }),
        422,
      ],
      [
        'an unknown agency',
        adminCall('POST', '/admin/agencies/rsj-nowhere/users', {
          body: { userId: 'x.supervisor', name: 'X', role: 'supervisor' },
        }),
        404,
      ],
      [
        "an RSJ's application for people",
        adminCall('POST', '/admin/agencies/rsj-lawang/clients', {
          body: { grantTypes: ['authorization_code'], redirectUris: ['https://rsj.example/callback'] },
        }),
        422,
      ],
      [
        'a client for systems and people at once',
        adminCall('POST', '/admin/agencies/lintas-admin/clients', {
          body: {
            grantTypes: ['client_credentials', 'authorization_code'],
            redirectUris: ['https://console.example/cb'],
          },
        }),
        422,
      ],
      [
        'a plain-http redirect to another machine',
        adminCall('POST', '/admin/agencies/lintas-admin/clients', {
          body: { grantTypes: ['authorization_code'], redirectUris: ['http://console.example/cb'] },
        }),
        422,
      ],
    ];
    for (const [name, call, status] of refusals) {
      const answer = await call;
      expect({ name, status: answer.status }).toEqual({ name, status });
    }

    const listed = await adminCall('GET', '/admin/agencies/rsj-lawang/users');
    expect(listed).toMatchObject({
      status: 200,
      body: { users: [{ userId: 'rini.supervisor', name: 'Rini Handayani' }] },
    });
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash/);

    // Adi signs in with the password he was given, chooses his own, and administers as himself.
    const signedIn = await signInAs(
      issuer,
      client,
      { userId: 'adi.admin', password: String(adi.body.password) },
      { scope: 'openid lintas.admin', resource: AUDIENCE, newPassword: 'adi memilih kata sandinya' },
    );
    const keys = new IssuerKeys(issuer);
    const expected = { issuer, audience: AUDIENCE, isRevoked: keys.isRevoked };
    await expect(verifyAccessToken(signedIn.accessToken, keys.getKey, expected)).resolves.toEqual({
      agencyId: 'lintas-admin',
      kind: 'admin',
      regionCode: '35',
      clientId: 'lintas-console',
      userId: 'adi.admin',
      scopes: ['lintas.admin'],
    });
    const riniToken = (
      await signInAs(issuer, client, { userId: 'rini.supervisor', password: riniPassword }, { resource: AUDIENCE })
    ).accessToken;
    // A supervisor is no admin: the admin API refuses her agency's kind.
    expect((await adminCall('GET', '/admin/agencies', { token: riniToken })).status).toBe(403);
    expect(
      await adminCall('POST', '/admin/users/rini.supervisor/disablement', {
        token: signedIn.accessToken,
        body: { reason: 'moved to another hospital' },
      }),
    ).toMatchObject({
      status: 200,
      body: { user: { status: 'disabled', disableReason: 'moved to another hospital' } },
    });
    // A service reads the revocations again within 5 s; one that reads them now refuses her token.
    const fresh = new IssuerKeys(issuer);
    await expect(
      verifyAccessToken(riniToken, fresh.getKey, { ...expected, isRevoked: fresh.isRevoked }),
    ).rejects.toMatchObject({ reason: 'the client or user was revoked' });
    expect(await (await fetch(`${issuer}/revoked-clients`)).json()).toMatchObject({
      users: [{ userId: 'rini.supervisor', revokedAt: expect.any(Number) }],
    });
    await expect(
      signInAs(issuer, client, { userId: 'rini.supervisor', password: riniPassword }, { resource: AUDIENCE }),
    ).rejects.toThrow(/dinonaktifkan/);

    const changes = (await adminCall('GET', '/admin/register-changes')).body.changes as {
      action: string;
      subject: string;
      actor: Record<string, string>;
    }[];
    expect(
      changes
        .filter((change) => change.action.startsWith('user-'))
        .map((change) => [change.action, change.subject, change.actor.userId ?? null]),
    ).toEqual([
      ['user-created', 'adi.admin', null],
      ['user-created', 'rini.supervisor', null],
      ['user-password-changed', 'adi.admin', 'adi.admin'],
      ['user-disabled', 'rini.supervisor', 'adi.admin'],
    ]);
    const log = identity.output.join('\n');
    for (const secret of [String(adi.body.password), riniPassword, 'adi memilih kata sandinya', client.secret]) {
      expect(log).not.toContain(secret);
    }
    expect(
      identity.lines.filter((line) => line.message.startsWith('sign-in')).map((line) => [line.outcome, line.userId]),
    ).toEqual([
      ['password-changed', 'adi.admin'],
      ['signed-in', 'rini.supervisor'],
      ['disabled', 'rini.supervisor'],
    ]);
  });
});
