import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { AccessTokenRejected, IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { freePort } from '@lintas/testing/infra/free-port';
import {
  IDENTITY_AUDIENCE,
  startIdentityProvider,
  REVOKED_CLIENTS_PATH,
  type IdentityClient,
  type RevokedClient,
  type RunningIdentityProvider,
} from './identity-provider';
import { newClientSecret } from './register/client-secret';
import { generateSigningKey } from './signing-key';

/**
 * The identity provider as agencies' systems and the services meet it: over HTTP, a real
 * oidc-provider, tokens checked by the services' own verifier from the issuer's discovery.
 */
/** A client as the directory holds it (hashes only), with the secret its agency keeps. */
type TestClient = IdentityClient & { secret: string };

function client(fields: Omit<IdentityClient, 'secretHashes'>): TestClient {
  const { secret, hash } = newClientSecret();
  return { ...fields, secretHashes: [hash], secret };
}

const satpol = client({
  clientId: 'satpolpp-3507-system',
  agencyId: 'satpolpp-3507',
  agencyKind: 'satpol-pp',
  regionCode: '3507',
  scopes: [],
});
const rsj = client({
  clientId: 'rsj-lawang-system',
  agencyId: 'rsj-lawang',
  agencyKind: 'rsj',
  regionCode: '3507',
  scopes: [],
});
const admin = client({
  clientId: 'lintas-admin-system',
  agencyId: 'lintas-admin',
  agencyKind: 'admin',
  regionCode: '35',
  scopes: ['lintas.admin'],
});

async function token(
  issuer: string,
  caller: { clientId: string; secret: string },
  extra: Record<string, string> = {},
): Promise<{ status: number; body: { access_token?: string; error?: string; expires_in?: number; scope?: string } }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${caller.clientId}:${caller.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...extra }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

const directory = new Map<string, IdentityClient>([
  [satpol.clientId, satpol],
  [rsj.clientId, rsj],
  [admin.clientId, admin],
]);
const revokedClients: RevokedClient[] = [];
let oldKey: JWK;
let newKey: JWK;
let provider: RunningIdentityProvider;

beforeAll(async () => {
  [oldKey, newKey] = [await generateSigningKey(), await generateSigningKey()];
  provider = await startIdentityProvider({
    issuer: `http://127.0.0.1:${await freePort()}`,
    clients: { find: (id) => directory.get(id), revoked: () => revokedClients },
    signingKeys: [oldKey],
  });
});
afterAll(() => provider.stop());

describe('the identity provider', () => {
  it('publishes discovery and only public keys', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({ issuer: provider.issuer, token_endpoint: `${provider.issuer}/token` });
    expect(discovery.grant_types_supported).toContain('client_credentials');
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: JWK[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([oldKey.kid]);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it("issues an at+jwt for client credentials that the services' verifier takes, with the agency's claims", async () => {
    const { status, body } = await token(provider.issuer, satpol);
    expect(status).toBe(200);
    expect(body.expires_in).toBeLessThanOrEqual(900);
    const accessToken = String(body.access_token);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ typ: 'at+jwt', alg: 'ES256', kid: oldKey.kid });
    const keys = new IssuerKeys(provider.issuer);
    await expect(
      verifyAccessToken(accessToken, keys.getKey, { issuer: provider.issuer, audience: IDENTITY_AUDIENCE }),
    ).resolves.toEqual({
      agencyId: 'satpolpp-3507',
      kind: 'satpol-pp',
      regionCode: '3507',
      clientId: 'satpolpp-3507-system',
    });
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ sub: satpol.clientId, client_id: satpol.clientId, aud: IDENTITY_AUDIENCE });
    expect(payload.jti).toEqual(expect.any(String));
    expect(Number(payload.exp) - Number(payload.iat)).toBeLessThanOrEqual(900);
  });

  it('grants a client only its own scopes', async () => {
    expect((await token(provider.issuer, admin, { scope: 'lintas.admin' })).body.scope).toBe('lintas.admin');
    for (const [client, scope] of [
      [satpol, 'lintas.admin'],
      [admin, 'lintas.admin lintas.unknown'],
    ] as const) {
      const refused = await token(provider.issuer, client, { scope });
      expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    }
  });

  it('refuses a wrong secret, an unknown client and a revoked one', async () => {
    expect(await token(provider.issuer, { ...satpol, secret: 'guessed' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token(provider.issuer, { clientId: 'nobody', secret: 'x' })).toMatchObject({ status: 401 });
    // What the directory holds is no credential: the hash presented as the secret is refused.
    expect(await token(provider.issuer, { ...satpol, secret: String(satpol.secretHashes[0]) })).toMatchObject({
      status: 401,
    });
    directory.delete(rsj.clientId);
    expect(await token(provider.issuer, rsj)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('rotates keys without downtime: a token of the old key verifies while the new one signs', async () => {
    const before = String((await token(provider.issuer, satpol)).body.access_token);
    const rotated = await startIdentityProvider({
      issuer: `http://127.0.0.1:${await freePort()}`,
      clients: { find: (id) => directory.get(id) },
      signingKeys: [newKey, oldKey],
    });
    try {
      const after = String((await token(rotated.issuer, satpol)).body.access_token);
      expect(decodeProtectedHeader(after).kid).toBe(newKey.kid);
      const jwks = (await (await fetch(`${rotated.issuer}/jwks`)).json()) as { keys: JWK[] };
      expect(jwks.keys.map((key) => key.kid)).toEqual([newKey.kid, oldKey.kid]);
      // The old token names the first issuer; checked here against the rotated issuer's keys.
      const keys = new IssuerKeys(rotated.issuer);
      const expected = { issuer: rotated.issuer, audience: IDENTITY_AUDIENCE };
      await expect(verifyAccessToken(after, keys.getKey, expected)).resolves.toMatchObject({ kind: 'satpol-pp' });
      await expect(verifyAccessToken(before, keys.getKey, expected)).rejects.toThrow(AccessTokenRejected);
      await expect(verifyAccessToken(before, keys.getKey, expected)).rejects.toMatchObject({
        reason: expect.stringMatching(/^claim iss/),
      });
    } finally {
      await rotated.stop();
    }
  });

  it('authenticates a client by a JWT signed with its own key (private_key_jwt): no secret exists to leak', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const keyed: IdentityClient = {
      clientId: 'rsj-menur-system',
      secretHashes: [],
      publicKeys: [{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' }],
      agencyId: 'rsj-menur',
      agencyKind: 'rsj',
      regionCode: '3578',
      scopes: [],
    };
    directory.set(keyed.clientId, keyed);
    const assertion = (key: typeof privateKey) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(keyed.clientId)
        .setSubject(keyed.clientId)
        .setAudience(`${provider.issuer}/token`)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(key);
    const request = async (key: typeof privateKey) =>
      fetch(`${provider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: keyed.clientId,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: await assertion(key),
        }),
      });
    const issued = await request(privateKey);
    expect(issued.status).toBe(200);
    const { access_token: accessToken } = (await issued.json()) as { access_token: string };
    const keys = new IssuerKeys(provider.issuer);
    await expect(
      verifyAccessToken(accessToken, keys.getKey, { issuer: provider.issuer, audience: IDENTITY_AUDIENCE }),
    ).resolves.toMatchObject({ clientId: keyed.clientId, kind: 'rsj', regionCode: '3578' });
    // Someone else's key, and a secret instead of the assertion, are refused.
    expect((await request((await generateKeyPair('ES256')).privateKey)).status).toBe(401);
    expect((await token(provider.issuer, { clientId: keyed.clientId, secret: 'anything' })).status).toBe(401);
  });

  it("lists revoked clients, and the services' verifier refuses their tokens issued before the revocation", async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.lintas_revoked_clients_uri).toBe(`${provider.issuer}${REVOKED_CLIENTS_PATH}`);
    const issued = String((await token(provider.issuer, admin)).body.access_token);
    const expected = (keys: IssuerKeys) => ({
      issuer: provider.issuer,
      audience: IDENTITY_AUDIENCE,
      isRevoked: keys.isRevoked,
    });
    const before = new IssuerKeys(provider.issuer);
    await expect(verifyAccessToken(issued, before.getKey, expected(before))).resolves.toMatchObject({
      clientId: admin.clientId,
    });

    revokedClients.push({ clientId: admin.clientId, revokedAt: Math.ceil(Date.now() / 1000) });
    const listed = await fetch(`${provider.issuer}${REVOKED_CLIENTS_PATH}`);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(await listed.json()).toEqual({ clients: [{ clientId: admin.clientId, revokedAt: expect.any(Number) }] });
    const after = new IssuerKeys(provider.issuer);
    await expect(verifyAccessToken(issued, after.getKey, expected(after))).rejects.toMatchObject({
      reason: 'the client was revoked',
    });
    // Another client's tokens are untouched.
    const other = String((await token(provider.issuer, satpol)).body.access_token);
    await expect(verifyAccessToken(other, after.getKey, expected(after))).resolves.toMatchObject({
      clientId: satpol.clientId,
    });
  });
});
