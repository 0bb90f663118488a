import { createHmac } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { AccessTokenRejected, IssuerKeys, IssuerUnavailable, verifyAccessToken } from './access-token';

const issuer = 'https://identity.lintas.example';
const audience = 'urn:lintas:api';
const expected = { issuer, audience };

let signing: { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK };
let stranger: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  signing = { ...pair, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' } };
  stranger = (await generateKeyPair('ES256')).privateKey;
  keys = createLocalJWKSet({ keys: [signing.jwk] });
});

const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer,
    sub: 'satpol-malang-system',
    aud: audience,
    iat: now(),
    exp: now() + 600,
    jti: 'a1b2c3',
    client_id: 'satpol-malang-system',
    scope: 'pickups:write',
    agency_id: 'satpol-pp-3507',
    agency_kind: 'satpol-pp',
    region_code: '3507',
    ...overrides,
  };
}

function sign(payload: JWTPayload, header: { kid?: string; typ?: string } = {}, key = signing.privateKey) {
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'key-1', ...header }).sign(key);
}

async function refusal(token: string): Promise<string> {
  const error: unknown = await verifyAccessToken(token, keys, expected).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AccessTokenRejected)) throw new Error(`accepted, or refused otherwise: ${String(error)}`);
  return error.reason;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifying an access token', () => {
  it('answers the calling agency from a valid token', async () => {
    await expect(verifyAccessToken(await sign(claims()), keys, expected)).resolves.toEqual({
      agencyId: 'satpol-pp-3507',
      kind: 'satpol-pp',
      regionCode: '3507',
      clientId: 'satpol-malang-system',
      scopes: ['pickups:write'],
    });
  });

  it("accepts a client_id other than sub: Keycloak's sub names the client's service account", async () => {
    const token = await sign(claims({ sub: '5f0c1b7e-2d4a-4c59-9a3e-7b1d2e8f6a90' }));
    await expect(verifyAccessToken(token, keys, expected)).resolves.toMatchObject({
      clientId: 'satpol-malang-system',
    });
  });

  it('refuses an expired token, also one whose exp lies in 1970', async () => {
    expect(await refusal(await sign(claims({ iat: now() - 1200, exp: now() - 600 })))).toBe('expired');
    expect(await refusal(await sign(claims({ iat: 0, exp: 1 })))).toBe('expired');
  });

  it('refuses a token not valid yet', async () => {
    expect(await refusal(await sign(claims({ nbf: now() + 3600 })))).toMatch(/^claim nbf/);
    expect(await refusal(await sign(claims({ iat: now() + 3600, exp: now() + 3900 })))).toMatch(/^claim iat/);
  });

  it('refuses another audience and another issuer', async () => {
    expect(await refusal(await sign(claims({ aud: 'urn:someone-else' })))).toMatch(/^claim aud/);
    expect(await refusal(await sign(claims({ iss: 'https://evil.example' })))).toMatch(/^claim iss/);
  });

  it('refuses a key the issuer does not publish, and a kid it does not know', async () => {
    expect(await refusal(await sign(claims(), {}, stranger))).toBe('signature does not verify');
    expect(await refusal(await sign(claims(), { kid: 'key-9' }, stranger))).toBe(
      "no key of the issuer matches the token's kid",
    );
  });

  it('refuses alg none', async () => {
    const token = `${base64url({ alg: 'none', typ: 'at+jwt', kid: 'key-1' })}.${base64url(claims())}.`;
    expect(await refusal(token)).toMatch(/algorithm not allowed|not a well-formed JWT/);
  });

  it("refuses HS256 signed with the issuer's public key as the secret", async () => {
    const secret = await exportSPKI(signing.publicKey);
    const unsigned = `${base64url({ alg: 'HS256', typ: 'at+jwt', kid: 'key-1' })}.${base64url(claims())}`;
    const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
    expect(await refusal(`${unsigned}.${signature}`)).toMatch(/^algorithm not allowed/);
  });

  it('refuses a payload changed after signing', async () => {
    const [header, , signature] = (await sign(claims())).split('.');
    const tampered = `${header}.${base64url(claims({ agency_kind: 'admin' }))}.${signature}`;
    expect(await refusal(tampered)).toBe('signature does not verify');
  });

  it('refuses a token that is not an access token (typ), and one that lives longer than 15 minutes', async () => {
    expect(await refusal(await sign(claims(), { typ: 'JWT' }))).toMatch(/^claim typ/);
    expect(await refusal(await sign(claims({ exp: now() + 3600 })))).toBe('lives longer than 900 s');
  });

  it('refuses a token without the claims Lintas needs', async () => {
    expect(await refusal(await sign(claims({ jti: undefined })))).toMatch(/^claim jti/);
    expect(await refusal(await sign(claims({ agency_kind: 'bank' })))).toMatch(/^agency_kind must be one of/);
    expect(await refusal(await sign(claims({ region_code: 'Malang' })))).toMatch(/^region_code must be/);
    expect(await refusal(await sign(claims({ client_id: undefined })))).toMatch(/^claim client_id/);
    expect(await refusal(await sign(claims({ client_id: 42 })))).toBe('no client_id claim');
  });

  it('answers the agencies a provincial office supervises from supervised_agencies, and none without the claim', async () => {
    const provincial = claims({ agency_id: 'dinsos-35', agency_kind: 'dinas-sosial-provinsi', region_code: '35' });
    const token = await sign({ ...provincial, supervised_agencies: ['panti-bina-laras-kediri', 'dinsos-3507'] });
    await expect(verifyAccessToken(token, keys, expected)).resolves.toMatchObject({
      agencyId: 'dinsos-35',
      supervises: ['panti-bina-laras-kediri', 'dinsos-3507'],
    });
    await expect(verifyAccessToken(await sign(provincial), keys, expected)).resolves.not.toHaveProperty('supervises');
    const none = await sign({ ...provincial, supervised_agencies: [] });
    await expect(verifyAccessToken(none, keys, expected)).resolves.not.toHaveProperty('supervises');
  });

  it('refuses a token whose supervised_agencies is not a list of agency ids', async () => {
    for (const malformed of ['panti-bina-laras-kediri', [''], ['panti-a', 7], [['panti-a']], null, { id: 'panti-a' }]) {
      expect(await refusal(await sign(claims({ supervised_agencies: malformed })))).toBe(
        'supervised_agencies must be a list of agency ids',
      );
    }
  });

  it('refuses a token of a revoked client issued before or at the revocation, not one issued after it', async () => {
    const revokedAt = now();
    const isRevoked = (clientId: string, issuedAt: number) =>
      clientId === 'satpol-malang-system' && issuedAt <= revokedAt;
    const before = await sign(claims({ iat: revokedAt - 60, exp: revokedAt + 540 }));
    await expect(verifyAccessToken(before, keys, { ...expected, isRevoked })).rejects.toThrow(
      new AccessTokenRejected('the client was revoked'),
    );
    const after = await sign(claims({ iat: revokedAt + 1, exp: revokedAt + 600 }));
    await expect(verifyAccessToken(after, keys, { ...expected, isRevoked })).resolves.toMatchObject({
      clientId: 'satpol-malang-system',
    });
  });
  it("answers the signed-in person from user_id, beside their agency's claims", async () => {
    const token = await sign(
      claims({
        sub: 'ani.supervisor',
        client_id: 'lintas-console',
        agency_id: 'dinsos-3507',
        agency_kind: 'dinas-sosial',
        region_code: '3507',
        scope: undefined,
        user_id: 'ani.supervisor',
      }),
    );
    await expect(verifyAccessToken(token, keys, expected)).resolves.toEqual({
      agencyId: 'dinsos-3507',
      kind: 'dinas-sosial',
      regionCode: '3507',
      clientId: 'lintas-console',
      userId: 'ani.supervisor',
    });
    // An agency's system names no user: the service may take one from x-lintas-user.
    await expect(verifyAccessToken(await sign(claims()), keys, expected)).resolves.not.toHaveProperty('userId');
  });

  it('refuses a token whose user_id is not a staff id', async () => {
    for (const malformed of ['', 'ani supervisor', '-ani', 'a'.repeat(101), 42, null, ['ani'], 'ani/../budi']) {
      expect(await refusal(await sign(claims({ user_id: malformed })))).toBe(
        'user_id must be a staff id (letters, digits, . _ @ -, at most 100)',
      );
    }
  });

  it("refuses a disabled user's token issued before the disabling, and asks about the user only with one", async () => {
    const disabledAt = now();
    const asked: (string | undefined)[] = [];
    const isRevoked = (_clientId: string, issuedAt: number, userId?: string) => {
      asked.push(userId);
      return userId === 'eko.supervisor' && issuedAt <= disabledAt;
    };
    const eko = claims({
      client_id: 'lintas-console',
      user_id: 'eko.supervisor',
      iat: disabledAt - 60,
      exp: disabledAt + 540,
    });
    await expect(verifyAccessToken(await sign(eko), keys, { ...expected, isRevoked })).rejects.toThrow(
      new AccessTokenRejected('the client or user was revoked'),
    );
    const ani = { ...eko, user_id: 'ani.supervisor' };
    await expect(verifyAccessToken(await sign(ani), keys, { ...expected, isRevoked })).resolves.toMatchObject({
      userId: 'ani.supervisor',
    });
    await verifyAccessToken(await sign(claims()), keys, { ...expected, isRevoked });
    expect(asked).toEqual(['eko.supervisor', 'ani.supervisor', undefined]);
  });
});

describe("an issuer's revocations", () => {
  it('lists disabled users beside revoked clients, and a token of either issued before is revoked', async () => {
    const at = now();
    const documents: Record<string, unknown> = {
      [`${issuer}/.well-known/openid-configuration`]: {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        lintas_revoked_clients_uri: `${issuer}/revoked-clients`,
      },
      [`${issuer}/revoked-clients`]: {
        clients: [{ clientId: 'satpol-malang-system', revokedAt: at }],
        users: [{ userId: 'eko.supervisor', revokedAt: at }, { userId: 42 }],
      },
    };
    const fetchDocument = (async (url: string) =>
      new Response(JSON.stringify(documents[url]), { status: url in documents ? 200 : 404 })) as typeof fetch;
    const issuerKeys = new IssuerKeys(issuer, fetchDocument);
    expect(await issuerKeys.isRevoked('satpol-malang-system', at - 1)).toBe(true);
    expect(await issuerKeys.isRevoked('lintas-console', at - 1, 'eko.supervisor')).toBe(true);
    expect(await issuerKeys.isRevoked('lintas-console', at + 1, 'eko.supervisor')).toBe(false);
    expect(await issuerKeys.isRevoked('lintas-console', at - 1, 'ani.supervisor')).toBe(false);
    expect(await issuerKeys.isRevoked('lintas-console', at - 1)).toBe(false);
  });
});

describe('an issuer whose keys cannot be read', () => {
  const verifyThrough = async (fetchDocument: typeof fetch) =>
    verifyAccessToken(await sign(claims()), new IssuerKeys(issuer, fetchDocument).getKey, expected).then(
      () => undefined,
      (e: unknown) => e,
    );

  it("is not the token's fault: refused connection, timeout and an error answer are IssuerUnavailable", async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const slow = (async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    }) as typeof fetch;
    const failing = (async () => new Response('down for maintenance', { status: 502 })) as typeof fetch;
    for (const fetchDocument of [refused, slow, failing]) {
      expect(await verifyThrough(fetchDocument)).toBeInstanceOf(IssuerUnavailable);
    }
  });

  it('still refuses a token its keys do not verify once they are read', async () => {
    const documents: Record<string, unknown> = {
      [`${issuer}/.well-known/openid-configuration`]: {
        issuer: 'https://someone-else.example',
        jwks_uri: `${issuer}/jwks`,
      },
    };
    const otherIssuer = (async (url: string) => new Response(JSON.stringify(documents[url]))) as typeof fetch;
    // A document naming another issuer is a misconfiguration, not the caller's: also unavailable.
    expect(await verifyThrough(otherIssuer)).toBeInstanceOf(IssuerUnavailable);
    expect(await refusal(await sign(claims(), {}, stranger))).toBe('signature does not verify');
  });
});
