import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { createLogger } from '../logging/json-logger';
import { createServiceApp, readServiceEnv } from '../service/run-service';

const infra = useRealInfrastructure();

@Module({})
class ProbeModule {}

async function startApp(overrides: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const service = { description: 'a probe', name: 'probe', defaultPort: 0, module: ProbeModule };
  const env = readServiceEnv(service, {
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    ...overrides,
  });
  const app = await createServiceApp(service, env, createLogger('probe', 'fatal'));
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('health endpoints', () => {
  it('are live and ready when PostgreSQL and Kafka answer', async () => {
    const { app, url } = await startApp({});
    try {
      const live = await fetch(`${url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'live' });

      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: {
          postgres: expect.objectContaining({ status: 'up' }),
          kafka: expect.objectContaining({ status: 'up' }),
        },
      });
    } finally {
      await app.close();
    }
  });

  it('are live but not ready, naming the dependency, when Kafka does not answer', async () => {
    const { app, url } = await startApp({ KAFKA_BROKERS: '127.0.0.1:1' });
    try {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not-ready',
        checks: {
          postgres: expect.objectContaining({ status: 'up' }),
          kafka: expect.objectContaining({ status: 'down' }),
        },
      });
    } finally {
      await app.close();
    }
  });

  it('are not ready, naming the dependency, when the database is gone', async () => {
    const missing = new URL(infra.databaseUrl);
    missing.pathname = '/lintas_does_not_exist';
    const { app, url } = await startApp({ DATABASE_URL: missing.toString() });
    try {
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      const report = (await ready.json()) as { checks: Record<string, unknown> };
      expect(report.checks.postgres).toMatchObject({
        status: 'down',
        error: expect.stringContaining('does not exist'),
      });
    } finally {
      await app.close();
    }
  });
});
