import { Pool } from 'pg';
import {
  IDENTITY_AUDIENCE,
  startIdentityProvider,
  type RunningIdentityProvider,
} from '@lintas/identity/identity-provider';
import { adminApi } from '@lintas/identity/register/admin-api';
import { adminTokenVerifier } from '@lintas/identity/register/admin-token-verifier';
import { ADMIN_SCOPE, AgencyRegister } from '@lintas/identity/register/agency-register';
import { generateSigningKey } from '@lintas/identity/signing-key';
import { freePort } from '@lintas/testing/infra/free-port';
import { eventually } from '@lintas/testing/eventually';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';
import { AUDIT_SERVICE } from '../audit.service-definition';
import { REGISTER_CHANGED } from '../domain/ledger/register-changes';
import { RegisterFeed } from './register-feed';

/**
 * The agency register's changes in the ledger: a real identity provider with its register and
 * admin API, and the audit service pulling from it with a client of its own, as `npm start` runs
 * them. Changes made while the service runs arrive; a pull again, or after a restart, adds none.
 */
const infra = useRealInfrastructure();
let register: AgencyRegister;
let provider: RunningIdentityProvider;
let audit: ServiceUnderTest;
let settings: Record<string, string>;
const admin = { clientId: 'bootstrap', agencyId: 'lintas-admin' };

beforeAll(async () => {
  register = await AgencyRegister.open(infra.databaseUrl, 'feed_register');
  await register.registerAgency({ id: 'lintas-admin', kind: 'admin', name: 'Admin', regionCode: '35' }, admin);
  const { client, secret } = await register.registerClient(
    { agencyId: 'lintas-admin', clientId: 'lintas-audit-schedule', scopes: [ADMIN_SCOPE] },
    admin,
  );
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const signingKeys = [await generateSigningKey()];
  provider = await startIdentityProvider({
    issuer,
    clients: register,
    signingKeys,
    extraRoutes: adminApi(register, adminTokenVerifier({ issuer, audience: IDENTITY_AUDIENCE, signingKeys, register })),
  });
  settings = {
    MESSAGING_TRANSPORT: 'pg-log',
    IDENTITY_ISSUER: issuer,
    AUDIT_CLIENT_ID: client.clientId,
    AUDIT_CLIENT_SECRET: secret ?? '',
    REGISTER_CHANGES_URL: `${issuer}/admin/register-changes`,
    REGISTER_FEED_SECONDS: '1',
  };
  audit = await startServiceUnderTest(AUDIT_SERVICE, infra, settings);
});

afterAll(async () => {
  await audit.close();
  await provider.stop();
  await register.close();
});

async function kept(pool: Pool): Promise<{ action: string; subject: string; agency: string }[]> {
  const { rows } = await pool.query<{ action: string; subject: string; agency: string }>(
    `SELECT data->'data'->>'action' AS action, data->'data'->>'subject' AS subject, data->>'actorAgencyId' AS agency
       FROM audit.events WHERE type = 'LedgerEntryRecorded' AND data->>'type' = $1
      ORDER BY (data->'data'->>'position')::int`,
    [REGISTER_CHANGED],
  );
  return rows;
}

describe("the register's changes in the ledger", () => {
  it('keeps each change once, with who made it, as the audit service pulls them with its own client', async () => {
    const pool = audit.app.get(Pool);
    const changesSoFar = (await register.changes(0, 1_000)).length;
    await register.registerAgency({ id: 'rsj-menur', kind: 'rsj', name: 'RSJ Menur', regionCode: '3578' }, admin);
    await register.registerClient({ agencyId: 'rsj-menur', clientId: 'rsj-menur-system' }, admin);
    await register.revokeClient('rsj-menur-system', 'the RSJ changed its system', admin);
    const all = changesSoFar + 3;

    const entries = await eventually(
      () => kept(pool),
      (rows) => rows.length >= all,
    );
    expect(entries).toHaveLength(all);
    expect(entries.slice(-3)).toEqual([
      { action: 'agency-registered', subject: 'rsj-menur', agency: 'lintas-admin' },
      { action: 'client-registered', subject: 'rsj-menur-system', agency: 'lintas-admin' },
      { action: 'client-revoked', subject: 'rsj-menur-system', agency: 'lintas-admin' },
    ]);

    // Pulled again (another round, another instance): the young changes are read again, as they
    // may have had older ones committing behind them, and kept no second time.
    expect(await audit.app.get(RegisterFeed).pullNow()).toBeGreaterThanOrEqual(3);
    expect(await kept(pool)).toHaveLength(all);
    await audit.close();
    audit = await startServiceUnderTest(AUDIT_SERVICE, infra, settings);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await kept(audit.app.get(Pool))).toHaveLength(all);
  });
});
