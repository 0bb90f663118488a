import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { keycloak, type Keycloak } from '@lintas/testing/infra/keycloak-local';
import { pickupReport } from '@lintas/testing/journey/pickup-report';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * The services trust any OpenID issuer that issues RFC 9068 tokens with Lintas' claims, not only
 * libs/identity: here a real Keycloak configured by libs/testing/src/identity/keycloak/lintas-realm.json.
 * It sits in intake, not in libs/identity, because a lib may not import a service.
 */
const infra = useRealInfrastructure();

/** The realm file's clients; their secrets are public, it is a test realm. */
const WITH_AUDIENCE = { id: 'satpolpp-3507-keycloak', secret: 'test-only-satpolpp-3507-secret' };
const WITHOUT_AUDIENCE = { id: 'satpolpp-3507-no-audience', secret: 'test-only-no-audience-secret' };

let idp: Keycloak;
let issuer: string;
let service: ServiceUnderTest;

// A first start of Keycloak downloads 170 MB and builds Quarkus; later starts take about a minute.
beforeAll(async () => {
  idp = await keycloak();
  issuer = idp.issuer('lintas');
  service = await startServiceUnderTest(INTAKE_SERVICE, infra, {
    IDENTITY_ISSUER: issuer,
    ACCESS_TOKEN_AUDIENCE: 'urn:lintas:api',
  });
}, 600_000);

afterAll(async () => {
  await service?.close();
  await idp?.stop();
});

/** Client credentials (RFC 6749 §4.4) with client_secret_basic, as an agency's system asks. */
async function tokenOf(client: { id: string; secret: string }): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64');
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string };
  expect(response.status).toBe(200);
  if (!body.access_token) throw new Error(`no access_token from Keycloak: ${JSON.stringify(body)}`);
  return body.access_token;
}

function reportPickup(token: string): Promise<Response> {
  return fetch(`${service.url}/pickups`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(pickupReport()),
  });
}

describe('a Keycloak realm as the identity provider', () => {
  it('issues RFC 9068 access tokens signed ES256 with the claims Lintas needs', async () => {
    const token = await tokenOf(WITH_AUDIENCE);
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: issuer,
      client_id: WITH_AUDIENCE.id,
      agency_id: 'satpolpp-3507',
      agency_kind: 'satpol-pp',
      region_code: '3507',
    });
    expect([claims.aud].flat()).toContain('urn:lintas:api');
    expect(typeof claims.jti).toBe('string');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
  });

  it("lets the agency report a pickup with Keycloak's token", async () => {
    const reply = await reportPickup(await tokenOf(WITH_AUDIENCE));
    expect(reply.status).toBe(201);
    expect(await reply.json()).toMatchObject({ id: expect.any(String), version: expect.any(Number) });
  });

  it('refuses a token of the same realm not meant for Lintas (no urn:lintas:api audience)', async () => {
    const token = await tokenOf(WITHOUT_AUDIENCE);
    expect([decodeJwt(token).aud].flat()).not.toContain('urn:lintas:api');
    const reply = await reportPickup(token);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    // The reason, so that this passes only for the audience and not for any other fault of the token.
    expect(await reply.json()).toMatchObject({
      code: 'agency.not-authenticated',
      detail: expect.stringContaining('claim aud'),
    });
  });
});
