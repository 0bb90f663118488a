/**
 * `docker run lintas demo-register` (docker-compose.yml's one-shot `demo-register`): for the
 * identity container what `npm start` does for the identity provider it runs in-process. In the
 * agency register (DATABASE_URL, schema IDENTITY_REGISTER_SCHEMA or `identity`) it registers a
 * demo agency and client per agency kind on the first run (seedDemoRegister) and prints each demo
 * client's new secret of this run, once. It also gives the audit service its own client (admin
 * agency, lintas.admin) and writes it as `AUDIT_CLIENT_ID=`/`AUDIT_CLIENT_SECRET=` lines to
 * AUDIT_CLIENT_ENV_FILE (mode 0600), which the audit container reads through LINTAS_ENV_FILE; a
 * secret written there before is kept while the register still takes it, so a running audit
 * service is not locked out by a later run. The admin console's client (`lintas-console`, its
 * redirect URI at CONSOLE_URL) is kept the same way in CONSOLE_CLIENT_ENV_FILE
 * (`CONSOLE_CLIENT_ID=`/`CONSOLE_CLIENT_SECRET=`), and the demo people who sign in to it
 * (seedDemoUsers) get a new password at every run, printed once.
 *
 * Development only: the secrets and passwords go to the container's log.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import {
  AUDIT_SCHEDULE_CLIENT,
  auditScheduleClient,
  CONSOLE_CLIENT,
  consoleClient,
  seedDemoRegister,
  seedDemoUsers,
  type DemoClient,
  type DemoUser,
} from '../libs/identity/src/demo-clients';
import { AgencyRegister, type RegisterActor } from '../libs/identity/src/register/agency-register';

const BY: RegisterActor = { clientId: 'demo-register', agencyId: 'lintas-development' };

function setting(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (value === undefined) {
    console.error(`[lintas] demo-register: ${name} must be set`);
    process.exit(78);
  }
  return value;
}

/** The audit service's own client, its secret kept in the audit volume from an earlier run while the register takes it. */
async function auditClient(register: AgencyRegister, file: string): Promise<'kept' | 'new' | 'revoked'> {
  const kept = await readFile(file, 'utf8').then(
    (text) => parseEnv(text).AUDIT_CLIENT_SECRET,
    () => undefined,
  );
  const client = await auditScheduleClient(register, BY, kept);
  if (!client) {
    await rm(file, { force: true });
    return 'revoked';
  }
  if (client.secret === kept) return 'kept';
  const written = `${file}.${process.pid}`;
  await writeFile(written, `AUDIT_CLIENT_ID=${client.clientId}\nAUDIT_CLIENT_SECRET=${client.secret}\n`, {
    mode: 0o600,
  });
  await rename(written, file);
  return 'new';
}

/** The console's own client, its secret kept in the console's env file from an earlier run while the register takes it. */
async function consoleClientFile(
  register: AgencyRegister,
  file: string | undefined,
  consoleUrl: string,
): Promise<'kept' | 'new' | 'revoked'> {
  const kept = file
    ? await readFile(file, 'utf8').then(
        (text) => parseEnv(text).CONSOLE_CLIENT_SECRET,
        () => undefined,
      )
    : undefined;
  const client = await consoleClient(register, BY, consoleUrl, kept);
  if (!client) {
    if (file) await rm(file, { force: true });
    return 'revoked';
  }
  if (client.secret === kept) return 'kept';
  if (file) {
    const written = `${file}.${process.pid}`;
    await writeFile(written, `CONSOLE_CLIENT_ID=${client.clientId}\nCONSOLE_CLIENT_SECRET=${client.secret}\n`, {
      mode: 0o600,
    });
    await rename(written, file);
  } else {
    console.log(`[lintas] the console's client ${client.clientId}: secret ${client.secret}`);
  }
  return 'new';
}

function printUsers(consoleUrl: string, users: DemoUser[]): void {
  console.log(
    `[lintas] people who sign in to the console at ${consoleUrl}, passwords valid until demo-register runs again:`,
  );
  const width = Math.max(...users.map((user) => user.userId.length));
  for (const user of users) {
    console.log(
      `[lintas]   ${user.userId.padEnd(width)}  ${user.password}  (${user.role}, ${user.agencyId}: ${user.name})`,
    );
  }
}

function printClients(tokenUrl: string, clients: DemoClient[]): void {
  const width = Math.max(...clients.map((client) => client.agencyKind.length));
  console.log('[lintas] a demo client per agency kind, secrets valid until demo-register runs again:');
  for (const client of clients) {
    console.log(`[lintas]   ${client.agencyKind.padEnd(width)}  ${client.clientId}  ${client.secret}`);
  }
  const satpol = clients.find((client) => client.agencyKind === 'satpol-pp');
  if (satpol) {
    console.log(
      `[lintas] a token (10 minutes): curl -s -u ${satpol.clientId}:${satpol.secret} ` +
        `-d grant_type=client_credentials ${tokenUrl}`,
    );
  }
}

async function main(): Promise<void> {
  const register = await AgencyRegister.open(setting('DATABASE_URL'), setting('IDENTITY_REGISTER_SCHEMA', 'identity'));
  try {
    const clients = await seedDemoRegister(register);
    const auditFile = process.env.AUDIT_CLIENT_ENV_FILE;
    if (auditFile) {
      const outcome = await auditClient(register, auditFile);
      console.log(`[lintas] the audit service's own client (${AUDIT_SCHEDULE_CLIENT}): ${outcome}, in ${auditFile}`);
    }
    const consoleUrl = setting('CONSOLE_URL', 'http://localhost:3006');
    const consoleFile = process.env.CONSOLE_CLIENT_ENV_FILE;
    const consoleOutcome = await consoleClientFile(register, consoleFile, consoleUrl);
    console.log(
      `[lintas] the console's client (${CONSOLE_CLIENT}, ${consoleUrl}/auth/callback): ${consoleOutcome}` +
        (consoleFile ? `, in ${consoleFile}` : ''),
    );
    printClients(setting('DEMO_TOKEN_URL', 'http://localhost:4000/token'), clients);
    printUsers(consoleUrl, await seedDemoUsers(register, new Map(), BY));
  } finally {
    await register.close();
  }
}

main().catch((error: unknown) => {
  console.error('[lintas] demo-register failed:', error);
  process.exit(1);
});
