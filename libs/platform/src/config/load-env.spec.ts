import { InvalidEnvironmentError, loadEnv } from './load-env';
import { ServiceEnv } from './service-env';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(ServiceEnv, source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be refused');
}

describe('loadEnv', () => {
  it('gives the development defaults when nothing is set', () => {
    const env = loadEnv(ServiceEnv, {});
    expect(env).toMatchObject({ NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*127\.0\.0\.1:5432\//);
    expect(env.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(env.MESSAGING_TRANSPORT).toBe('platformatic');
  });

  it('knows the three transports and names them when another is asked for', () => {
    expect(loadEnv(ServiceEnv, { MESSAGING_TRANSPORT: 'pg-log' }).usesKafka).toBe(false);
    expect(problemsOf({ MESSAGING_TRANSPORT: 'rabbitmq' })).toEqual([
      "MESSAGING_TRANSPORT: must be one of platformatic, kafkajs, pg-log (got 'rabbitmq')",
    ]);
  });

  it('converts and keeps what is set', () => {
    const env = loadEnv(ServiceEnv, {
      PORT: '4100',
      DATABASE_URL: 'postgres://lintas:secret@db:5432/intake',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
    });
    expect(env.PORT).toBe(4100);
    expect(env.DATABASE_URL).toBe('postgres://lintas:secret@db:5432/intake');
    expect(env.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('names a malformed variable and what it expects', () => {
    expect(problemsOf({ DATABASE_URL: 'nonsense' })).toEqual([
      "DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/database (got 'nonsense')",
    ]);
  });

  it('reports every bad variable at once, one line each', () => {
    const problems = problemsOf({ PORT: 'eighty', KAFKA_BROKERS: 'localhost', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT: must be a TCP port number \(got 'eighty'\)$/);
    expect(problems[1]).toMatch(/^KAFKA_BROKERS: must be a comma-separated list of host:port/);
    expect(problems[2]).toMatch(/^LOG_LEVEL: /);
  });

  it('never repeats a password in its message', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://lintas:hunter2@db/intake' });
    expect(problem).toContain('mysql://lintas:***@db/intake');
    expect(problem).not.toContain('hunter2');
  });

  it('refuses development defaults in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: must be set explicitly when NODE_ENV=production (not set)',
      'KAFKA_BROKERS: must be set explicitly when NODE_ENV=production (not set)',
      'PERSONAL_DATA_KEY: must be set explicitly when NODE_ENV=production (not set)',
      'SEAL_SIGNING_KEY_FILE: must be set explicitly when NODE_ENV=production (not set)',
      'IDENTITY_ISSUER: must be set explicitly when NODE_ENV=production (not set)',
    ]);
  });

  it('never repeats a key in its message', () => {
    expect(problemsOf({ PERSONAL_DATA_KEY: 'c2hvcnQ=' })).toEqual([
      "PERSONAL_DATA_KEY: must be 32 random bytes in base64 (openssl rand -base64 32) (got '***')",
    ]);
  });

  it('starts in production when the settings are explicit', () => {
    const env = loadEnv(ServiceEnv, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lintas@db:5432/intake',
      KAFKA_BROKERS: 'kafka:9092',
      PERSONAL_DATA_KEY: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=',
      SEAL_SIGNING_KEY_FILE: '/run/secrets/intake-seal.pem',
      IDENTITY_ISSUER: 'https://id.lintas.example',
    });
    expect(env.NODE_ENV).toBe('production');
  });
});
