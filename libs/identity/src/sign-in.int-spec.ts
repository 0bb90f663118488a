import { createServer, request as forward, type Server } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { Client } from 'pg';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import type { AuditedReads } from '@lintas/platform/http/access/audited-reads';
import { IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { Allow, AgencyGuard } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { RateLimiter, RefusedTokenLimiter } from '@lintas/platform/http/agency/rate-limit';
import { freePort } from '@lintas/testing/infra/free-port';
import {
  exchangeCode,
  pageAlert,
  refresh,
  signInAs,
  SignInBrowser,
  type SignInStep,
} from '@lintas/testing/identity/sign-in-browser';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { createIdentityProvider, IDENTITY_AUDIENCE, identityRequestListener } from './identity-provider';
import { AgencyRegister, type RegisterActor } from './register/agency-register';
import { SignInAttempts } from './sign-in/sign-in-attempts';
import { generateSigningKey } from './signing-key';

/**
 * People signing in, as a browser and the console meet the provider: over HTTP only, on the
 * identity app's own login page, by authorization code with PKCE, against the agency register on
 * a real PostgreSQL; the tokens checked by the services' own verifier and guard. Two instances of
 * the provider share the register and the keys behind one address that takes turns, as the chart
 * runs two: every sign-in here passes from one to the other.
 */
const infra = useRealInfrastructure();
const by: RegisterActor = { clientId: 'lintas-admin-1', agencyId: 'lintas-admin' };
const CONSOLE_REDIRECT = 'http://127.0.0.1:3006/auth/callback';

let register: AgencyRegister;
let provider: { issuer: string };
const servers: Server[] = [];
let console_: { clientId: string; secret: string; redirectUri: string };
const passwords = {
  ani: 'kopi tubruk di alun-alun kepanjen',
  budi: 'jembatan merah surabaya 1945',
  adi: 'admin lintas jawa timur 2026',
  sari: 'sari sudah pindah ke surabaya',
};

async function listen(server: Server, port = 0): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  register = await AgencyRegister.open(infra.databaseUrl, 'sign_in');
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const signingKeys = [await generateSigningKey()];
  // Failed sign-ins are counted per instance; one count here, so that the limit is the test's.
  const signInAttempts = new SignInAttempts();
  const ports: number[] = [];
  for (let n = 0; n < 2; n += 1) {
    const instance = createIdentityProvider({
      issuer,
      clients: register,
      users: register,
      state: register.providerState,
      signingKeys,
      signInAttempts,
    });
    ports.push(await listen(createServer(identityRequestListener(instance))));
  }
  let turn = 0;
  await listen(
    createServer((incoming, outgoing) => {
      const port = ports[turn++ % ports.length];
      const upstream = forward(
        { host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(upstream);
    }),
    Number(new URL(issuer).port),
  );
  provider = { issuer };
  for (const agency of [
    { id: 'dinsos-35', kind: 'dinas-sosial-provinsi', name: 'Dinas Sosial Provinsi Jawa Timur', regionCode: '35' },
    {
      id: 'dinsos-3507',
      kind: 'dinas-sosial',
      name: 'Dinas Sosial Kabupaten Malang',
      regionCode: '3507',
      parentId: 'dinsos-35',
    },
    { id: 'panti-malang', kind: 'panti', name: 'Panti Kab. Malang', regionCode: '3507', parentId: 'dinsos-3507' },
    { id: 'dinsos-3578', kind: 'dinas-sosial', name: 'Dinas Sosial Kota Surabaya', regionCode: '3578' },
    { id: 'lintas-admin', kind: 'admin', name: 'Lintas administrators', regionCode: '35' },
  ] as const) {
    await register.registerAgency(agency, by);
  }
  const { client, secret } = await register.registerClient(
    {
      agencyId: 'lintas-admin',
      clientId: 'lintas-console',
      scopes: ['lintas.admin'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [CONSOLE_REDIRECT],
      postLogoutRedirectUris: ['http://127.0.0.1:3006/'],
    },
    by,
  );
  console_ = { clientId: client.clientId, secret: String(secret), redirectUri: CONSOLE_REDIRECT };
  const users = [
    {
      userId: 'ani.supervisor',
      agencyId: 'dinsos-3507',
      name: 'Ani Rahmawati',
      role: 'supervisor',
      password: passwords.ani,
    },
    {
      userId: 'budi.supervisor',
      agencyId: 'dinsos-3578',
      name: 'Budi Santoso',
      role: 'supervisor',
      password: passwords.budi,
    },
    { userId: 'adi.admin', agencyId: 'lintas-admin', name: 'Adi Nugroho', role: 'admin', password: passwords.adi },
    {
      userId: 'sari.supervisor',
      agencyId: 'dinsos-35',
      name: 'Sari Wulandari',
      role: 'supervisor',
      password: passwords.sari,
    },
  ] as const;
  for (const user of users) await register.createUser({ ...user, passwordChangeRequired: false }, by);
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await register?.close();
});

function claimsOf(token: string): Record<string, unknown> {
  return decodeJwt(token);
}

async function signIn(userId: string, password: string, scope = 'openid') {
  return signInAs(provider.issuer, console_, { userId, password }, { scope, resource: IDENTITY_AUDIENCE });
}

const verifier = () => new IssuerKeys(provider.issuer);
const verify = (token: string, keys = verifier()) =>
  verifyAccessToken(token, keys.getKey, {
    issuer: provider.issuer,
    audience: IDENTITY_AUDIENCE,
    isRevoked: keys.isRevoked,
  });

describe('people signing in', () => {
  it("gives a supervisor an at+jwt of their agency's claims and their user id, and an ID token with their name", async () => {
    const signedIn = await signIn('ani.supervisor', passwords.ani);
    expect(decodeProtectedHeader(signedIn.accessToken)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const claims = claimsOf(signedIn.accessToken);
    expect(claims).toEqual({
      iss: provider.issuer,
      sub: 'ani.supervisor',
      aud: IDENTITY_AUDIENCE,
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
      client_id: 'lintas-console',
      agency_id: 'dinsos-3507',
      agency_kind: 'dinas-sosial',
      region_code: '3507',
      supervised_agencies: ['panti-malang'],
      user_id: 'ani.supervisor',
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(900);
    expect(signedIn.expiresIn).toBeLessThanOrEqual(900);
    expect(claimsOf(signedIn.idToken)).toMatchObject({
      iss: provider.issuer,
      aud: 'lintas-console',
      sub: 'ani.supervisor',
      name: 'Ani Rahmawati',
      role: 'supervisor',
      agency_id: 'dinsos-3507',
      agency_name: 'Dinas Sosial Kabupaten Malang',
    });
    await expect(verify(signedIn.accessToken)).resolves.toEqual({
      agencyId: 'dinsos-3507',
      kind: 'dinas-sosial',
      regionCode: '3507',
      clientId: 'lintas-console',
      userId: 'ani.supervisor',
      supervises: ['panti-malang'],
    });

    // Another kabupaten's supervisor speaks for their own agency only.
    const budi = claimsOf((await signIn('budi.supervisor', passwords.budi)).accessToken);
    expect(budi).toMatchObject({ agency_id: 'dinsos-3578', region_code: '3578', user_id: 'budi.supervisor' });
    expect(budi).not.toHaveProperty('supervised_agencies');
    // A provincial office's supervisor carries its children, as its system's token does.
    expect(claimsOf((await signIn('sari.supervisor', passwords.sari)).accessToken)).toMatchObject({
      agency_kind: 'dinas-sosial-provinsi',
      supervised_agencies: ['dinsos-3507'],
    });
  });

  it('grants lintas.admin to an admin who asks for it, and to nobody else', async () => {
    const admin = await signIn('adi.admin', passwords.adi, 'openid lintas.admin');
    expect(admin.scope).toBe('lintas.admin');
    expect(claimsOf(admin.accessToken)).toMatchObject({
      scope: 'lintas.admin',
      agency_kind: 'admin',
      user_id: 'adi.admin',
    });
    await expect(verify(admin.accessToken)).resolves.toMatchObject({ scopes: ['lintas.admin'], userId: 'adi.admin' });
    // Not asked for, not granted.
    expect(claimsOf((await signIn('adi.admin', passwords.adi)).accessToken)).not.toHaveProperty('scope');
    // A supervisor who asks is signed in without it.
    const supervisor = await signIn('ani.supervisor', passwords.ani, 'openid lintas.admin');
    expect(claimsOf(supervisor.accessToken)).not.toHaveProperty('scope');
  });

  it('renews the access token by a refresh token that rotates, and a used one revokes the sign-in', async () => {
    const first = await signIn('ani.supervisor', passwords.ani);
    expect(first.refreshToken).toEqual(expect.any(String));
    const renewed = await refresh(provider.issuer, console_, String(first.refreshToken), IDENTITY_AUDIENCE);
    expect(renewed.status).toBe(200);
    expect(claimsOf(String(renewed.body.access_token))).toMatchObject({
      user_id: 'ani.supervisor',
      agency_id: 'dinsos-3507',
    });
    expect(renewed.body.refresh_token).not.toBe(first.refreshToken);
    // The first one again: someone holds a copy, so the whole grant ends, the new one too.
    expect(await refresh(provider.issuer, console_, String(first.refreshToken))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await refresh(provider.issuer, console_, String(renewed.body.refresh_token))).status).toBe(400);
  });

  it('requires PKCE with S256: no challenge, the plain method, no verifier and a wrong verifier are refused', async () => {
    const request = { clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT, resource: IDENTITY_AUDIENCE };
    const errorOf = (step: SignInStep) =>
      step.kind === 'redirect'
        ? [
            step.location.origin + step.location.pathname,
            step.location.searchParams.get('error'),
            step.location.searchParams.get('error_description'),
          ]
        : ['page', step.status, step.html.slice(0, 200)];
    expect(errorOf(await new SignInBrowser(provider.issuer).authorize({ ...request, codeChallenge: null }))).toEqual([
      CONSOLE_REDIRECT,
      'invalid_request',
      'Authorization Server policy requires PKCE to be used for this request',
    ]);
    expect(
      errorOf(
        await new SignInBrowser(provider.issuer).authorize({
          ...request,
          codeChallenge: 'x'.repeat(43),
          codeChallengeMethod: 'plain',
        }),
      ),
    ).toEqual([CONSOLE_REDIRECT, 'invalid_request', 'not supported value of code_challenge_method']);

    for (const codeVerifier of [undefined, 'a-verifier-of-someone-else-0123456789-abcdefgh']) {
      const browser = new SignInBrowser(provider.issuer);
      const login = await browser.authorize(request);
      const back = await browser.submit(login, { userId: 'ani.supervisor', password: passwords.ani });
      if (back.kind !== 'redirect') throw new Error(`not redirected: ${pageAlert(back)}`);
      const answer = await exchangeCode(provider.issuer, console_, {
        code: String(back.location.searchParams.get('code')),
        redirectUri: CONSOLE_REDIRECT,
        ...(codeVerifier !== undefined && { codeVerifier }),
      });
      expect({ codeVerifier, status: answer.status, error: answer.body.error }).toEqual({
        codeVerifier,
        status: 400,
        error: 'invalid_grant',
      });
    }
  });

  it('answers a wrong password and an unknown user alike, in Bahasa Indonesia unless asked for English', async () => {
    const attempt = async (userId: string, password: string, uiLocales?: string) => {
      const browser = new SignInBrowser(provider.issuer);
      const login = await browser.authorize({
        clientId: console_.clientId,
        redirectUri: CONSOLE_REDIRECT,
        ...(uiLocales && { uiLocales }),
      });
      const started = performance.now();
      const answer = await browser.submit(login, { userId, password });
      return { answer, ms: performance.now() - started };
    };
    const wrong = await attempt('ani.supervisor', 'not her password at all');
    const unknown = await attempt('nobody.here', 'not anybody password');
    for (const { answer } of [wrong, unknown]) {
      expect(answer).toMatchObject({ kind: 'page', status: 400 });
      expect(pageAlert(answer)).toBe('Nama pengguna atau kata sandi salah.');
    }
    // The page tells nothing more: the same page but for the typed id.
    const withoutTyped = (step: SignInStep) =>
      step.kind === 'page'
        ? step.html.replace(/value="(ani\.supervisor|nobody\.here)"/, '').replace(/\/interaction\/[\w-]+/g, '')
        : '';
    expect(withoutTyped(wrong.answer)).toBe(withoutTyped(unknown.answer));
    // Nor does the time: an unknown user costs a password check too.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);

    const english = await attempt('ani.supervisor', 'still not her password', 'en-GB en');
    expect(pageAlert(english.answer)).toBe('The username or password is incorrect.');
    expect(english.answer.kind === 'page' && english.answer.html).toContain('<html lang="en">');
  });

  it('serves an accessible sign-in page with no script and nothing from elsewhere, and switches language', async () => {
    const browser = new SignInBrowser(provider.issuer);
    const login = await browser.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT });
    if (login.kind !== 'page') throw new Error('no page');
    expect(login.status).toBe(200);
    expect(login.html).toContain('<html lang="id">');
    expect(login.html).toContain('<label for="user-id">Nama pengguna</label>');
    expect(login.html).toContain('<label for="password">Kata sandi</label>');
    expect(login.html).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password"/);
    expect(login.html).not.toMatch(/<script|https?:\/\/|<link/);
    const response = await fetch(login.url);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const switched = await browser.go(`${login.url}?lang=en`);
    expect(switched.kind === 'page' && switched.html).toContain('<label for="user-id">Username</label>');
    // The form keeps the language chosen.
    const refused = await browser.submit(switched, { userId: 'ani.supervisor', password: 'wrong wrong wrong' });
    expect(pageAlert(refused)).toBe('The username or password is incorrect.');
    // Another browser (no cookie of this sign-in) gets nothing of it.
    const stranger = await new SignInBrowser(provider.issuer).go(login.url);
    expect(stranger).toMatchObject({ kind: 'page', status: 400 });
    expect(stranger.kind === 'page' && stranger.html).toContain('Waktu untuk masuk sudah habis.');
    expect((await fetch(`${login.url}/login`)).status).toBe(405);
  });

  it('has a supervisor choose their own password where an admin set it, and refuses one that expired', async () => {
    const { password } = await register.createUser(
      { userId: 'dewi.supervisor', agencyId: 'dinsos-3507', name: 'Dewi Lestari', role: 'supervisor' },
      by,
    );
    const browser = new SignInBrowser(provider.issuer);
    const login = await browser.authorize({
      clientId: console_.clientId,
      redirectUri: CONSOLE_REDIRECT,
      resource: IDENTITY_AUDIENCE,
    });
    const choose = await browser.submit(login, { userId: 'Dewi.Supervisor ', password: String(password) });
    expect(choose).toMatchObject({ kind: 'page', status: 200 });
    expect(choose.kind === 'page' && choose.html).toContain('autocomplete="new-password"');
    expect(pageAlert(await browser.submit(choose, { newPassword: 'short', repeatPassword: 'short' }))).toBe(
      'Kata sandi baru minimal 12 karakter.',
    );
    expect(
      pageAlert(
        await browser.submit(choose, { newPassword: 'pilihan dewi sendiri', repeatPassword: 'pilihan dewi sendirI' }),
      ),
    ).toBe('Kedua kata sandi baru tidak sama.');
    expect(
      pageAlert(await browser.submit(choose, { newPassword: String(password), repeatPassword: String(password) })),
    ).toBe('Kata sandi baru harus berbeda dari kata sandi sementara.');
    const back = await browser.submit(choose, {
      newPassword: 'pilihan dewi sendiri',
      repeatPassword: 'pilihan dewi sendiri',
    });
    expect(back.kind === 'redirect' && back.location.searchParams.get('code')).toEqual(expect.any(String));
    await expect(signIn('dewi.supervisor', 'pilihan dewi sendiri')).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
    const changes = await register.changes();
    expect(
      changes.filter((change) => change.subject === 'dewi.supervisor').map((change) => [change.action, change.actor]),
    ).toEqual([
      ['user-created', by],
      ['user-password-changed', { clientId: 'lintas-console', agencyId: 'dinsos-3507', userId: 'dewi.supervisor' }],
    ]);

    const reset = await register.resetPassword('dewi.supervisor', by);
    const sql = new Client({ connectionString: infra.databaseUrl });
    await sql.connect();
    try {
      await sql.query(
        `UPDATE sign_in.users SET password_expires_at = now() - interval '1 minute' WHERE user_id = 'dewi.supervisor'`,
      );
    } finally {
      await sql.end();
    }
    const expired = new SignInBrowser(provider.issuer);
    const page = await expired.submit(
      await expired.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT }),
      {
        userId: 'dewi.supervisor',
        password: String(reset.password),
      },
    );
    expect(pageAlert(page)).toBe(
      'Kata sandi sementara ini sudah kedaluwarsa. Minta admin instansi Anda membuat yang baru.',
    );
  });

  it('refuses a disabled user: no sign-in, no refresh, and their access token is revoked at the services', async () => {
    await register.createUser(
      {
        userId: 'eko.supervisor',
        agencyId: 'dinsos-3507',
        name: 'Eko Prasetyo',
        role: 'supervisor',
        password: 'eko punya kata sandi',
        passwordChangeRequired: false,
      },
      by,
    );
    const browser = new SignInBrowser(provider.issuer);
    const login = await browser.authorize({
      clientId: console_.clientId,
      redirectUri: CONSOLE_REDIRECT,
      resource: IDENTITY_AUDIENCE,
    });
    const back = await browser.submit(login, { userId: 'eko.supervisor', password: 'eko punya kata sandi' });
    if (back.kind !== 'redirect') throw new Error('not signed in');
    const tokens = await exchangeCode(provider.issuer, console_, {
      code: String(back.location.searchParams.get('code')),
      redirectUri: CONSOLE_REDIRECT,
      codeVerifier: browser.codeVerifier,
      resource: IDENTITY_AUDIENCE,
    });
    const accessToken = String(tokens.body.access_token);
    await expect(verify(accessToken)).resolves.toMatchObject({ userId: 'eko.supervisor' });

    await register.disableUser('eko.supervisor', 'left the office', by);
    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'the client or user was revoked' });
    expect(await refresh(provider.issuer, console_, String(tokens.body.refresh_token))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    // The browser's sign-in at the provider is over: it is asked to sign in again, and refused.
    const again = await browser.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT });
    expect(again).toMatchObject({ kind: 'page', status: 200 });
    expect(pageAlert(await browser.submit(again, { userId: 'eko.supervisor', password: 'eko punya kata sandi' }))).toBe(
      'Akun ini dinonaktifkan. Hubungi admin instansi Anda.',
    );
    // Others' tokens are untouched.
    await expect(verify((await signIn('ani.supervisor', passwords.ani)).accessToken)).resolves.toMatchObject({
      userId: 'ani.supervisor',
    });
  });

  it('signs out at the provider: the next authorization asks to sign in again', async () => {
    const browser = new SignInBrowser(provider.issuer);
    const login = await browser.authorize({
      clientId: console_.clientId,
      redirectUri: CONSOLE_REDIRECT,
      resource: IDENTITY_AUDIENCE,
    });
    const back = await browser.submit(login, { userId: 'ani.supervisor', password: passwords.ani });
    if (back.kind !== 'redirect') throw new Error('not signed in');
    const tokens = await exchangeCode(provider.issuer, console_, {
      code: String(back.location.searchParams.get('code')),
      redirectUri: CONSOLE_REDIRECT,
      codeVerifier: browser.codeVerifier,
      resource: IDENTITY_AUDIENCE,
    });
    // Signed in: a second authorization goes straight back with a code.
    const silent = await browser.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT });
    expect(silent.kind === 'redirect' && silent.location.searchParams.get('code')).toEqual(expect.any(String));

    const out = await browser.signOut(String(tokens.body.id_token), 'http://127.0.0.1:3006/');
    expect(out.kind === 'redirect' && out.location.toString()).toBe('http://127.0.0.1:3006/');
    expect((await refresh(provider.issuer, console_, String(tokens.body.refresh_token))).status).toBe(400);
    const after = await browser.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT });
    expect(after).toMatchObject({ kind: 'page', status: 200 });
  });

  it('slows down guessing: past ten failures a user id waits, whether or not such a user exists', async () => {
    for (const userId of ['budi.supervisor', 'nobody.at.all']) {
      const browser = new SignInBrowser(provider.issuer);
      let page = await browser.authorize({ clientId: console_.clientId, redirectUri: CONSOLE_REDIRECT });
      for (let n = 0; n < 10; n += 1)
        page = await browser.submit(page, { userId, password: `guess number ${n} of ten` });
      const throttled = await browser.submit(page, { userId, password: passwords.budi });
      expect({ userId, status: throttled.kind === 'page' && throttled.status, alert: pageAlert(throttled) }).toEqual({
        userId,
        status: 429,
        alert: 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.',
      });
    }
  });
});

describe("the services' guard", () => {
  it('takes the user from the token, over what x-lintas-user says', async () => {
    const env = Object.assign(new ServiceEnv(), {
      IDENTITY_ISSUER: provider.issuer,
      ACCESS_TOKEN_AUDIENCE: IDENTITY_AUDIENCE,
    });
    const reads = { refusedBy: async () => undefined } as unknown as AuditedReads;
    const guard = new AgencyGuard(
      new Reflector(),
      env,
      verifier(),
      new RateLimiter(100, 100),
      new RefusedTokenLimiter(10, 10),
      reads,
    );
    class Probe {
      @Allow('dinas-sosial')
      read(): void {}
    }
    const actorBehind = async (token: string, headers: Record<string, string> = {}) => {
      const request = { headers: { authorization: `Bearer ${token}`, ...headers }, ip: '127.0.0.1' } as {
        headers: Record<string, string>;
        ip: string;
        actor?: AgencyActor;
      };
      const context = {
        getHandler: () => Probe.prototype.read,
        getClass: () => Probe,
        switchToHttp: () => ({ getRequest: () => request }),
      } as unknown as ExecutionContext;
      await guard.canActivate(context);
      return request.actor;
    };
    const ani = (await signIn('ani.supervisor', passwords.ani)).accessToken;
    await expect(actorBehind(ani)).resolves.toMatchObject({ agencyId: 'dinsos-3507', userId: 'ani.supervisor' });
    await expect(actorBehind(ani, { 'x-lintas-user': 'someone.else' })).resolves.toMatchObject({
      userId: 'ani.supervisor',
    });
  });
});
