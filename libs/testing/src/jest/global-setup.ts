import { provisionInfrastructure } from '../infra/provision';
import { dropAbandonedDatabases } from '../isolation/test-database';
import { rememberInfrastructure, RUN_ENV } from './run-state';

const log = (message: string): void => void process.stdout.write(`[test infrastructure] ${message}\n`);

/** The tiers that run without a broker: unit tests need nothing, the application tier PostgreSQL only. */
const WITHOUT_KAFKA = new Set(['unit', 'application']);

/**
 * Once per run. Jest calls a global setup module once, however many projects name it, with the
 * configuration of whichever project's test it happens to list first; so what a run needs is
 * read from the projects it selects, not from that one: Kafka unless only tiers without a broker
 * run (`--selectProjects application`). A run that selected an application test first and an
 * integration test later once started no broker and failed every Kafka test. Whatever an earlier
 * setup found is kept.
 */
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  const selected = globalConfig.selectProjects;
  const needsKafka = !selected || selected.some((tier) => !WITHOUT_KAFKA.has(tier));
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
