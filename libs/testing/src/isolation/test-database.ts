import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const PREFIX = 'lintas_t_';

/** A fresh database per test file, named after the run so that an interrupted run's leftovers can be found. */
export async function createTestDatabase(adminUrl: string, runId: string): Promise<string> {
  const name = `${PREFIX}${runId}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.startsWith(PREFIX)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withClient(adminUrl, async (client) => {
    // pg's pool.end() resolves before its connections have closed. Ended by force, a connection
    // still closing raises its error where nobody listens any more (inside a service under test)
    // and fails the file: wait for them to go, and force only what outlives the wait.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ open: number }>(
        'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if ((rows[0]?.open ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** Databases of earlier runs whose runner is gone (interrupted, killed): nobody will drop them otherwise. */
export async function dropAbandonedDatabases(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const runId = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (!isAlive(runId)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
