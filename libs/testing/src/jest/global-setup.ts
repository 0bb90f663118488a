import { provisionInfrastructure } from '../infra/provision';
import { dropAbandonedDatabases } from '../isolation/test-database';
import { rememberInfrastructure, RUN_ENV } from './run-state';

const log = (message: string): void => void process.stdout.write(`[test infrastructure] ${message}\n`);

/**
 * Once per run, for every project that names it: the application tier needs PostgreSQL only,
 * the integration and e2e tiers Kafka too. Whatever an earlier project's setup found is kept.
 */
export default async function globalSetup(
  _global: unknown,
  project: { displayName?: { name: string } },
): Promise<void> {
  const needsKafka = project.displayName?.name !== 'application';
  const needs = {
    postgres: !process.env[RUN_ENV.runId],
    kafka: needsKafka && !process.env[RUN_ENV.kafkaReady],
  };
  if (!needs.postgres && !needs.kafka) return;
  const started = performance.now();
  const infrastructure = await provisionInfrastructure(
    process.env,
    { log, keepLogs: () => process.env[RUN_ENV.keepLogs] === '1' },
    needs,
  );
  rememberInfrastructure(infrastructure);
  if (needs.kafka) {
    process.env.KAFKA_BROKERS = infrastructure.kafka.address;
    process.env[RUN_ENV.kafkaReady] = '1';
    if (infrastructure.kafka.logFile) process.env[RUN_ENV.kafkaLog] = infrastructure.kafka.logFile;
    log(`Kafka: ${infrastructure.kafka.description}`);
  }
  if (needs.postgres) {
    process.env.DATABASE_URL = infrastructure.postgres.address;
    process.env[RUN_ENV.runId] = String(process.pid);
    await dropAbandonedDatabases(infrastructure.postgres.address);
    log(`PostgreSQL: ${infrastructure.postgres.description}`);
  }
  log(`ready in ${Math.round(performance.now() - started)} ms`);
}
