import { decodeJwt } from 'jose';
import { IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { TestIdentity } from './test-identity';

/** The tests' provider signs people in through the real flow, so that API and browser tests use real user tokens. */
const office: AgencyActor = {
  agencyId: 'dinsos-3507',
  kind: 'dinas-sosial',
  regionCode: '3507',
  clientId: 'dinsos-3507-system',
  supervises: ['panti-malang'],
};
const admin: AgencyActor = {
  agencyId: 'lintas-admin',
  kind: 'admin',
  regionCode: '35',
  clientId: 'lintas-admin-system',
};

let identity: TestIdentity;
beforeAll(async () => {
  identity = await TestIdentity.start();
});
afterAll(() => identity.stop());

const verify = (token: string) => {
  const keys = new IssuerKeys(identity.issuer);
  return verifyAccessToken(token, keys.getKey, {
    issuer: identity.issuer,
    audience: 'urn:lintas:api',
    isRevoked: keys.isRevoked,
  });
};

describe("the tests' identity provider", () => {
  it("gives a person of an actor's agency a token of that agency naming them, by signing in on the login page", async () => {
    const token = await identity.userTokenFor({ ...office, userId: 'ani.supervisor' });
    await expect(verify(token)).resolves.toEqual({
      agencyId: 'dinsos-3507',
      kind: 'dinas-sosial',
      regionCode: '3507',
      clientId: 'lintas-console-test',
      userId: 'ani.supervisor',
      supervises: ['panti-malang'],
    });
    // Kept until shortly before it expires, as tokenFor keeps an agency's.
    expect(await identity.userTokenFor({ ...office, userId: 'ani.supervisor' })).toBe(token);
    await expect(identity.createUser({ ...admin, userId: 'ani.supervisor' })).rejects.toThrow(/another agency/);
  });

  it('gives an admin lintas.admin, signs in with a name and a chosen password, and refuses a disabled user', async () => {
    expect(decodeJwt(await identity.userTokenFor({ ...admin, userId: 'adi.admin' }))).toMatchObject({
      scope: 'lintas.admin',
      agency_kind: 'admin',
      user_id: 'adi.admin',
    });
    const dewi = await identity.createUser(office, {
      userId: 'dewi.supervisor',
      name: 'Dewi Lestari',
      passwordChangeRequired: true,
    });
    expect(dewi.actor).toMatchObject({
      agencyId: 'dinsos-3507',
      userId: 'dewi.supervisor',
      clientId: 'lintas-console-test',
    });
    const signedIn = await identity.signIn(dewi, { newPassword: 'dewi memilih sendiri' });
    expect(decodeJwt(signedIn.idToken)).toMatchObject({ name: 'Dewi Lestari', agency_id: 'dinsos-3507' });
    await expect(identity.signIn(dewi)).rejects.toThrow(/Nama pengguna atau kata sandi salah/);
    await expect(identity.signIn({ ...dewi, password: 'dewi memilih sendiri' })).resolves.toMatchObject({
      refreshToken: expect.any(String),
    });

    identity.disableUser('dewi.supervisor');
    await expect(verify(signedIn.accessToken)).rejects.toMatchObject({ reason: 'the client or user was revoked' });
    await expect(identity.signIn({ ...dewi, password: 'dewi memilih sendiri' })).rejects.toThrow(/dinonaktifkan/);
  });
});
