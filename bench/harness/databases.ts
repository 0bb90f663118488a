import { createTestDatabase, dropTestDatabase } from '@lintas/testing/isolation/test-database';

/**
 * Runs work against a fresh database of its own on the run's server, dropped afterwards. Named as
 * the tests name theirs (after this process), so that a killed run's database is dropped by the
 * next test run, as theirs are.
 */
export async function withFreshDatabase<T>(adminUrl: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const databaseUrl = await createTestDatabase(adminUrl, String(process.pid));
  try {
    return await work(databaseUrl);
  } finally {
    await dropTestDatabase(adminUrl, databaseUrl);
  }
}
