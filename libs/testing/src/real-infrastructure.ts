import { Pool, type PoolConfig } from 'pg';
import { createTestDatabase, dropTestDatabase } from './isolation/test-database';
import { TestTopics } from './isolation/test-topics';
import { RUN_ENV } from './jest/run-state';

export interface RealInfrastructure {
  /** A database of this test file alone, dropped after it. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** Topic names unique to this test file. */
  readonly topics: TestTopics;
  /** A pool on this file's database, ended before the database is dropped. */
  createPool(config?: PoolConfig): Pool;
  /**
   * Closes something that uses this file's database or topics (a service, a process) before they
   * go. Jest runs a file's afterAll hooks in the order they were declared, so a test's own
   * afterAll would run after this one's and find the database already dropped.
   */
  defer(close: () => Promise<unknown>): void;
}

/**
 * The real PostgreSQL and Kafka that the run's global setup found, isolated for one test file.
 * Call it at the top of a test file; the values can be read inside hooks and tests.
 */
export function useRealInfrastructure(): RealInfrastructure {
  let current: Omit<RealInfrastructure, 'createPool' | 'defer'> | undefined;
  const pools: Pool[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const adminUrl = requiredEnv('DATABASE_URL');
  // The application tier runs without a broker: its files never ask for one.
  const brokers = process.env.KAFKA_BROKERS ? process.env.KAFKA_BROKERS.split(',') : [];

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(adminUrl, requiredEnv(RUN_ENV.runId));
    current = { databaseUrl, kafkaBrokers: brokers, topics: new TestTopics(brokers) };
  });

  afterAll(async () => {
    if (!current) return;
    for (const close of closers.splice(0).reverse()) await close();
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    await Promise.all([
      brokers.length > 0 ? current.topics.deleteAll() : undefined,
      dropTestDatabase(adminUrl, current.databaseUrl),
    ]);
    current = undefined;
  });

  const ready = (): Omit<RealInfrastructure, 'createPool' | 'defer'> => {
    if (!current) throw new Error('useRealInfrastructure(): read its values inside hooks and tests, not at load time');
    return current;
  };
  return {
    get databaseUrl() {
      return ready().databaseUrl;
    },
    get kafkaBrokers() {
      if (brokers.length === 0) throw new Error('no Kafka in this tier: application tests run on the pg-log transport');
      return ready().kafkaBrokers;
    },
    get topics() {
      return ready().topics;
    },
    defer(close: () => Promise<unknown>) {
      closers.push(close);
    },
    createPool(config: PoolConfig = {}) {
      const pool = new Pool({ ...config, connectionString: ready().databaseUrl });
      // pool.end() resolves before its connections are gone, so the forced drop of the database can
      // still end some of them; that is the expected end of a test file, not an error.
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this file through the integration or e2e jest project`);
  return value;
}
