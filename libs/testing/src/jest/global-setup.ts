import { provisionInfrastructure } from '../infra/provision';
import { dropAbandonedDatabases } from '../isolation/test-database';
import { rememberInfrastructure, RUN_ENV } from './run-state';

const log = (message: string): void => void process.stdout.write(`[test infrastructure] ${message}\n`);

/** Once per run: the integration and e2e projects both name this setup, the second finds it done. */
export default async function globalSetup(): Promise<void> {
  if (process.env[RUN_ENV.runId]) return;
  const started = performance.now();
  const infrastructure = await provisionInfrastructure(process.env, {
    log,
    keepLogs: () => process.env[RUN_ENV.keepLogs] === '1',
  });
  rememberInfrastructure(infrastructure);
  process.env.KAFKA_BROKERS = infrastructure.kafka.address;
  process.env.DATABASE_URL = infrastructure.postgres.address;
  process.env[RUN_ENV.runId] = String(process.pid);
  if (infrastructure.kafka.logFile) process.env[RUN_ENV.kafkaLog] = infrastructure.kafka.logFile;
  await dropAbandonedDatabases(infrastructure.postgres.address);
  log(`Kafka: ${infrastructure.kafka.description}`);
  log(`PostgreSQL: ${infrastructure.postgres.description}`);
  log(`ready in ${Math.round(performance.now() - started)} ms`);
}
