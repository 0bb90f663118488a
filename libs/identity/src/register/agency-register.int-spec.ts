import { exportJWK, generateKeyPair } from 'jose';
import { Client } from 'pg';
import { IssuerKeys, verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { freePort } from '@lintas/testing/infra/free-port';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { IDENTITY_AUDIENCE, startIdentityProvider } from '../identity-provider';
import { generateSigningKey } from '../signing-key';
import { AgencyRegister, RegisterRefusal } from './agency-register';
import { secretMatches } from './client-secret';

/** The register on a real PostgreSQL, through its own API and, where a tamperer would, plain SQL. */
const infra = useRealInfrastructure();
const by = { clientId: 'lintas-admin-1', agencyId: 'lintas-admin' };

describe('the agency register', () => {
  it('is created once when several processes open it at the same time', async () => {
    const registers = await Promise.all([1, 2, 3].map(() => AgencyRegister.open(infra.databaseUrl, 'register_race')));
    await registers[0]?.registerAgency(
      { id: 'satpolpp-3507', kind: 'satpol-pp', name: 'Satpol PP Kab. Malang', regionCode: '3507' },
      by,
    );
    expect((await registers[2]?.agencies())?.map((agency) => agency.id)).toEqual(['satpolpp-3507']);
    await Promise.all(registers.map((register) => register.close()));
  });

  it('keeps only a hash of a secret, and its record of changes cannot be rewritten', async () => {
    const register = await AgencyRegister.open(infra.databaseUrl, 'register_hashes');
    try {
      await register.registerAgency({ id: 'rsj-lawang', kind: 'rsj', name: 'RSJ Lawang', regionCode: '3507' }, by);
      const { client, secret } = await register.registerClient({ agencyId: 'rsj-lawang' }, by);
      expect(client.clientId).toBe('rsj-lawang-1');
      const sql = new Client({ connectionString: infra.databaseUrl });
      await sql.connect();
      try {
        const { rows } = await sql.query<{ row: string }>(
          'SELECT row_to_json(c)::text AS row FROM register_hashes.clients c',
        );
        expect(rows[0]?.row).not.toContain(String(secret));
        const found = await register.find('rsj-lawang-1');
        expect(secretMatches(String(secret), found?.secretHashes ?? [])).toBe(true);
        await expect(
          sql.query("UPDATE register_hashes.register_changes SET actor_client_id = 'someone-else'"),
        ).rejects.toThrow(/append-only/);
        await expect(sql.query('DELETE FROM register_hashes.register_changes')).rejects.toThrow(/append-only/);
      } finally {
        await sql.end();
      }
    } finally {
      await register.close();
    }
  });

  it('registers a client by its public keys with no secret, and refuses a private key', async () => {
    const register = await AgencyRegister.open(infra.databaseUrl, 'register_keys');
    try {
      await register.registerAgency({ id: 'rsj-menur', kind: 'rsj', name: 'RSJ Menur', regionCode: '3578' }, by);
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const registered = await register.registerClient(
        { agencyId: 'rsj-menur', publicKeys: [{ ...(await exportJWK(publicKey)), kid: 'menur-1' }] },
        by,
      );
      expect(registered).not.toHaveProperty('secret');
      expect(registered.client.authMethod).toBe('private_key_jwt');
      expect(await register.find(registered.client.clientId)).toMatchObject({
        secretHashes: [],
        publicKeys: [{ kid: 'menur-1' }],
      });
      await expect(
        register.registerClient(
          { agencyId: 'rsj-menur', publicKeys: [{ ...(await exportJWK(privateKey)), kid: 'menur-2' }] },
          by,
        ),
      ).rejects.toThrow(
        new RegisterRefusal('invalid', 'publicKeys must hold public keys only (a private or secret key was sent)'),
      );
      await expect(register.rotateSecret(registered.client.clientId, by)).rejects.toMatchObject({ code: 'invalid' });
    } finally {
      await register.close();
    }
  });

  it("names in an office's tokens the agencies it is the parent of, direct ones only, as the register holds them now", async () => {
    const register = await AgencyRegister.open(infra.databaseUrl, 'register_supervision');
    const provider = await startIdentityProvider({
      issuer: `http://127.0.0.1:${await freePort()}`,
      clients: register,
      signingKeys: [await generateSigningKey()],
    });
    try {
      const agencies = [
        { id: 'dinsos-35', kind: 'dinas-sosial-provinsi', name: 'Dinsos Provinsi Jawa Timur', regionCode: '35' },
        { id: 'dinsos-33', kind: 'dinas-sosial-provinsi', name: 'Dinsos Provinsi Jawa Tengah', regionCode: '33' },
        { id: 'panti-kediri', kind: 'panti', name: 'UPT Bina Laras Kediri', regionCode: '3571', parentId: 'dinsos-35' },
        {
          id: 'dinsos-3507',
          kind: 'dinas-sosial',
          name: 'Dinsos Kab. Malang',
          regionCode: '3507',
          parentId: 'dinsos-35',
        },
        // A panti of the kabupaten's own: the kabupaten's office supervises it, not the province.
        { id: 'panti-malang', kind: 'panti', name: 'Panti Kab. Malang', regionCode: '3507', parentId: 'dinsos-3507' },
        { id: 'panti-semarang', kind: 'panti', name: 'UPT Semarang', regionCode: '3374', parentId: 'dinsos-33' },
      ] as const;
      for (const agency of agencies) await register.registerAgency(agency, by);
      expect(await register.childrenOf('dinsos-35')).toEqual(['dinsos-3507', 'panti-kediri']);

      const issued = async (agencyId: string) => {
        const { client, secret } = await register.registerClient({ agencyId }, by);
        const response = await fetch(`${provider.issuer}/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${client.clientId}:${String(secret)}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        });
        const { access_token: token } = (await response.json()) as { access_token: string };
        return verifyAccessToken(token, new IssuerKeys(provider.issuer).getKey, {
          issuer: provider.issuer,
          audience: IDENTITY_AUDIENCE,
        });
      };
      expect(await issued('dinsos-35')).toMatchObject({
        agencyId: 'dinsos-35',
        kind: 'dinas-sosial-provinsi',
        supervises: ['dinsos-3507', 'panti-kediri'],
      });
      expect((await issued('dinsos-3507')).supervises).toEqual(['panti-malang']);
      expect(await issued('panti-kediri')).not.toHaveProperty('supervises');

      // A new UPT is in the office's next token: no service keeps a copy of the register.
      await register.registerAgency(
        { id: 'panti-pasuruan', kind: 'panti', name: 'UPT Pasuruan', regionCode: '3514', parentId: 'dinsos-35' },
        by,
      );
      expect((await issued('dinsos-35')).supervises).toEqual(['dinsos-3507', 'panti-kediri', 'panti-pasuruan']);
    } finally {
      await provider.stop();
      await register.close();
    }
  });
});
