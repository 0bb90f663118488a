import type { INestApplication } from '@nestjs/common';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { createServiceApp, readServiceEnv, type ServiceDefinition } from '@lintas/platform/service/run-service';
import { AgencyClient } from '../http/agency-client';
import { testIdentity } from '../identity/test-identity';
import { HARNESS_SETTINGS } from './harness-settings';
import type { RealInfrastructure } from '../real-infrastructure';

export interface ServiceUnderTest {
  url: string;
  app: INestApplication;
  /** A client calling as the agency. */
  as(actor: AgencyActor): AgencyClient;
  close(): Promise<void>;
}

/**
 * One service, in this process, on a free port, against the test file's own database and topic
 * prefix on the real PostgreSQL and Kafka. Several services started this way with the same
 * infrastructure talk to each other over the real transport.
 */
export async function startServiceUnderTest(
  service: ServiceDefinition,
  infra: RealInfrastructure,
  settings: Record<string, string> = {},
): Promise<ServiceUnderTest> {
  const env = readServiceEnv(service, {
    NODE_ENV: 'test',
    DATABASE_URL: infra.databaseUrl,
    ...(settings.MESSAGING_TRANSPORT !== 'pg-log' && { KAFKA_BROKERS: infra.kafkaBrokers.join(',') }),
    TOPIC_PREFIX: infra.topics.prefix,
    LOG_LEVEL: 'error',
    ...HARNESS_SETTINGS,
    ...(await testIdentity()).serviceSettings,
    ...settings,
    PORT: '0',
  });
  const app = await createServiceApp(service, env, createLogger(service.name, env.LOG_LEVEL));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= app.close());
  // Closed before the file's database is dropped, whatever the order of the file's own hooks.
  infra.defer(close);
  return { url, app, as: (actor) => new AgencyClient(url, actor), close };
}
