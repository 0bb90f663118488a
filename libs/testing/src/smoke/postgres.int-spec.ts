import { Client } from 'pg';
import { useRealInfrastructure } from '../real-infrastructure';

const infra = useRealInfrastructure();

describe('PostgreSQL for a test file', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: infra.databaseUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('is a real server with a database of this file alone', async () => {
    const { rows } = await client.query<{ database: string; version: string }>(
      'SELECT current_database() AS database, version()',
    );
    expect(rows[0]?.database).toBe(new URL(infra.databaseUrl).pathname.slice(1));
    expect(rows[0]?.database).toMatch(/^lintas_t_\d+_[0-9a-f]{8}$/);
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  });

  it('creates a table and reads back what was written', async () => {
    await client.query('CREATE TABLE pickups (id uuid PRIMARY KEY, found_at timestamptz NOT NULL)');
    await client.query(
      `INSERT INTO pickups VALUES ('7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11', '2026-11-20T08:15:00+07:00')`,
    );
    const { rows } = await client.query<{ id: string; found_at: Date }>('SELECT id, found_at FROM pickups');
    expect(rows).toEqual([{ id: '7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11', found_at: new Date('2026-11-20T01:15:00Z') }]);
  });

  it('refuses a duplicate key, as a real server does', async () => {
    await expect(
      client.query(`INSERT INTO pickups VALUES ('7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11', now())`),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
