import { decodeProtectedHeader, type JWK } from 'jose';
import { AccessTokenRejected, IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { freePort } from '@lintas/testing/infra/free-port';
import {
  IDENTITY_AUDIENCE,
  startIdentityProvider,
  type IdentityClient,
  type RunningIdentityProvider,
} from './identity-provider';
import { generateSigningKey } from './signing-key';

/**
 * The identity provider as agencies' systems and the services meet it: over HTTP, a real
 * oidc-provider, tokens checked by the services' own verifier from the issuer's discovery.
 */
const satpol: IdentityClient = {
  clientId: 'satpolpp-3507-system',
  clientSecret: 'a-secret-of-satpol-malang-only',
  agencyId: 'satpolpp-3507',
  agencyKind: 'satpol-pp',
  regionCode: '3507',
  scopes: [],
};
const rsj: IdentityClient = {
  clientId: 'rsj-lawang-system',
  clientSecret: 'a-secret-of-rsj-lawang-only',
  agencyId: 'rsj-lawang',
  agencyKind: 'rsj',
  regionCode: '3507',
  scopes: [],
};
const admin: IdentityClient = {
  clientId: 'lintas-admin-system',
  clientSecret: 'a-secret-of-the-admins-only',
  agencyId: 'lintas-admin',
  agencyKind: 'admin',
  regionCode: '35',
  scopes: ['lintas.admin'],
};

async function token(
  issuer: string,
  client: Pick<IdentityClient, 'clientId' | 'clientSecret'>,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: { access_token?: string; error?: string; expires_in?: number; scope?: string } }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
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
let oldKey: JWK;
let newKey: JWK;
let provider: RunningIdentityProvider;

beforeAll(async () => {
  [oldKey, newKey] = [await generateSigningKey(), await generateSigningKey()];
  provider = await startIdentityProvider({
    issuer: `http://127.0.0.1:${await freePort()}`,
    clients: { find: (id) => directory.get(id) },
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
    expect(await token(provider.issuer, { ...satpol, clientSecret: 'guessed' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token(provider.issuer, { clientId: 'nobody', clientSecret: 'x' })).toMatchObject({ status: 401 });
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
});
