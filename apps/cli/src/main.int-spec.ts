import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/** The `lintas` command as an admin runs it, against a real identity provider, register and admin API. */
const infra = useRealInfrastructure();
const run = promisify(execFile);
let register: AgencyRegister;
let provider: RunningIdentityProvider;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  register = await AgencyRegister.open(infra.databaseUrl, 'cli_register');
  const bootstrap = { clientId: 'bootstrap', agencyId: 'bootstrap' };
  await register.registerAgency({ id: 'lintas-admin', kind: 'admin', name: 'Admin', regionCode: '35' }, bootstrap);
  const { client, secret } = await register.registerClient(
    { agencyId: 'lintas-admin', scopes: [ADMIN_SCOPE] },
    bootstrap,
  );
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const signingKeys = [await generateSigningKey()];
  provider = await startIdentityProvider({
    issuer,
    clients: register,
    signingKeys,
    extraRoutes: adminApi(register, adminTokenVerifier({ issuer, audience: IDENTITY_AUDIENCE, signingKeys, register })),
  });
  dir = await mkdtemp(join(tmpdir(), 'lintas-cli-'));
  await writeFile(join(dir, 'admin-secret'), `${secret}\n`, { mode: 0o600 });
  env = {
    LINTAS_IDENTITY_URL: issuer,
    LINTAS_CLIENT_ID: client.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'admin-secret'),
  };
});
afterAll(async () => {
  await provider.stop();
  await register.close();
  await rm(dir, { recursive: true, force: true });
});

async function lintas(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), ...args], {
      env: { ...env, ...extraEnv },
      cwd: join(__dirname, '../../..'),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the lintas command', () => {
  it('registers an agency and its client, printing the secret once, which then gets a token', async () => {
    const agency = await lintas([
      'agencies',
      'register',
      '--id',
      'rsj-menur',
      '--kind',
      'rsj',
      '--name',
      'RSJ Menur',
      '--region',
      '3578',
    ]);
    expect(agency).toMatchObject({ code: 0 });
    expect(JSON.parse(agency.stdout)).toMatchObject({ id: 'rsj-menur', kind: 'rsj', regionCode: '3578' });

    const client = await lintas(['clients', 'register', 'rsj-menur']);
    expect(client.code).toBe(0);
    const { client: registered, secret } = JSON.parse(client.stdout) as {
      client: { clientId: string };
      secret: string;
    };
    expect(registered.clientId).toBe('rsj-menur-1');
    const issued = await fetch(`${env.LINTAS_IDENTITY_URL}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`rsj-menur-1:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(issued.status).toBe(200);

    const shown = await lintas(['agencies', 'show', 'rsj-menur']);
    expect(shown.stdout).not.toContain(secret);
    expect(JSON.parse(shown.stdout)).toMatchObject({ clients: [{ clientId: 'rsj-menur-1', status: 'active' }] });

    expect(await lintas(['clients', 'revoke', 'rsj-menur-1', '--reason', 'a test'])).toMatchObject({ code: 0 });
    const changes = JSON.parse((await lintas(['register-changes'])).stdout) as { changes: { action: string }[] };
    expect(changes.changes.map((change) => change.action).slice(-3)).toEqual([
      'agency-registered',
      'client-registered',
      'client-revoked',
    ]);
  });

  it('says why a change is refused (exit code 1), and tells wrong use apart (exit code 2)', async () => {
    const twice = await lintas([
      'agencies',
      'register',
      '--id',
      'rsj-menur',
      '--kind',
      'rsj',
      '--name',
      'Again',
      '--region',
      '3578',
    ]);
    expect(twice).toMatchObject({ code: 1, stdout: '' });
    expect(twice.stderr).toBe('lintas: 409 agency rsj-menur is registered already\n');

    const badKind = await lintas([
      'agencies',
      'register',
      '--id',
      'x-1',
      '--kind',
      'bank',
      '--name',
      'X',
      '--region',
      '35',
    ]);
    // Wrong use is told apart from a refusal: exit code 2.
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain("argument 'bank' is invalid");

    const nobody = await lintas(['agencies', 'list'], { LINTAS_CLIENT_ID: '' });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('an admin client is needed');
  });
});
