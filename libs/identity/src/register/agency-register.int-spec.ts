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
  it("keeps a slow, salted hash of each person's password and never the password; an admin only in an admin agency", async () => {
    const register = await AgencyRegister.open(infra.databaseUrl, 'register_users');
    try {
      await register.registerAgency(
        { id: 'dinsos-3507', kind: 'dinas-sosial', name: 'Dinsos Kab. Malang', regionCode: '3507' },
        by,
      );
      await register.registerAgency({ id: 'lintas-admin', kind: 'admin', name: 'Lintas admins', regionCode: '35' }, by);
      const same = 'the same password for two people';
      for (const userId of ['ani.supervisor', 'bayu.supervisor']) {
        const made = await register.createUser(
          { userId, agencyId: 'dinsos-3507', name: userId, role: 'supervisor', password: same },
          by,
        );
        expect(made).not.toHaveProperty('password');
      }
      const generated = await register.createUser(
        { userId: 'adi.admin', agencyId: 'lintas-admin', name: 'Adi', role: 'admin' },
        by,
      );
      expect(generated.password).toMatch(/^[\w-]{20}$/);
      expect(generated.user).toMatchObject({ passwordChangeRequired: true, passwordExpiresAt: expect.any(String) });
      await expect(
        register.createUser({ userId: 'cici.admin', agencyId: 'dinsos-3507', name: 'Cici', role: 'admin' }, by),
      ).rejects.toThrow(new RegisterRefusal('invalid', 'only a user of an admin agency may be an admin'));

      const sql = new Client({ connectionString: infra.databaseUrl });
      await sql.connect();
      try {
        const { rows } = await sql.query<{ user_id: string; password_hash: string }>(
          'SELECT user_id, password_hash FROM register_users.users ORDER BY user_id',
        );
        const hashes = rows.map((row) => row.password_hash);
        for (const hash of hashes) expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
        // A salt of each user's own: the same password does not show as the same hash.
        expect(new Set(hashes).size).toBe(3);
        const everything = await sql.query<{ row: string }>(
          `SELECT row_to_json(u)::text AS row FROM register_users.users u
           UNION ALL SELECT row_to_json(c)::text FROM register_users.register_changes c`,
        );
        for (const { row } of everything.rows) {
          expect(row).not.toContain(same);
          expect(row).not.toContain(String(generated.password));
        }
        // The database holds the rule too, against code that forgets it.
        await expect(
          sql.query("UPDATE register_users.users SET role = 'admin' WHERE user_id = 'ani.supervisor'"),
        ).rejects.toThrow(/only a user of an admin agency may be an admin/);
      } finally {
        await sql.end();
      }
      expect(await register.signIn('ani.supervisor', same)).toMatchObject({
        outcome: 'signed-in',
        user: { userId: 'ani.supervisor', agencyId: 'dinsos-3507', agencyKind: 'dinas-sosial', regionCode: '3507' },
        // An admin set it: she chooses her own at this sign-in.
        passwordChangeRequired: true,
      });
      expect(await register.signIn('ani.supervisor', 'not the password at all')).toEqual({ outcome: 'refused' });
      expect(await register.signIn('nobody', same)).toEqual({ outcome: 'refused' });
      await register.disableUser('ani.supervisor', 'left the office', by);
      expect(await register.signIn('ani.supervisor', same)).toEqual({ outcome: 'disabled' });
      expect(await register.findUser('ani.supervisor')).toBeUndefined();
      expect((await register.revokedUsers()).map((user) => user.userId)).toEqual(['ani.supervisor']);
      await expect(register.disableUser('ani.supervisor', 'again', by)).rejects.toMatchObject({ code: 'conflict' });
      // Her id stays hers: the records that name her name no one else.
      await expect(
        register.createUser(
          { userId: 'ani.supervisor', agencyId: 'dinsos-3507', name: 'Another Ani', role: 'supervisor' },
          by,
        ),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await register.usersOf('dinsos-3507'))?.map((user) => [user.userId, user.status])).toEqual([
        ['ani.supervisor', 'disabled'],
        ['bayu.supervisor', 'active'],
      ]);
    } finally {
      await register.close();
    }
  });
});
