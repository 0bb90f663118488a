import type { Socket } from 'node:net';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { Pool, type PoolClient } from 'pg';
import { CONNECTION_OPTIONS } from './postgres-pool';

const infra = useRealInfrastructure();

/** Counts what the client's socket hands to the kernel: one call of _write or _writev is one write. */
function countWrites(client: PoolClient): { writes(): number } {
  const socket = (client as PoolClient & { connection: { stream: Socket } }).connection.stream;
  let writes = 0;
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method] as (...args: unknown[]) => void;
    Object.defineProperty(socket, method, {
      configurable: true,
      value: (...args: unknown[]) => {
        writes += 1;
        original.apply(socket, args);
      },
    });
  }
  return { writes: () => writes };
}

describe('connections made with the services’ options', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: infra.databaseUrl, max: 1, ...CONNECTION_OPTIONS });
  });
  afterAll(() => pool.end());

  it('send the statements of one turn in one write, each answered on its own', async () => {
    const client = await pool.connect();
    try {
      await client.query('SELECT 1');
      const counted = countWrites(client);
      const answers = await Promise.all([
        client.query('BEGIN'),
        client.query('SELECT $1::int AS n', [7]),
        client.query('COMMIT'),
      ]);
      expect(answers.map((answer) => answer.command)).toEqual(['BEGIN', 'SELECT', 'COMMIT']);
      expect(answers[1]?.rows).toEqual([{ n: 7 }]);
      expect(counted.writes()).toBe(1);
    } finally {
      client.release();
    }
  });

  it('hold nothing past its turn: a statement sent after an answer leaves on its own', async () => {
    const client = await pool.connect();
    try {
      const counted = countWrites(client);
      await client.query('SELECT 1');
      await client.query('SELECT 2');
      expect(counted.writes()).toBe(2);
      // A failed statement fails alone, and the one sent with it still gets its answer.
      const [failed, next] = await Promise.allSettled([client.query('SELECT 1/0'), client.query('SELECT 3 AS n')]);
      expect(failed).toMatchObject({ status: 'rejected', reason: { code: '22012' } });
      expect(next).toMatchObject({ status: 'fulfilled', value: { rows: [{ n: 3 }] } });
    } finally {
      client.release();
    }
  });
});
