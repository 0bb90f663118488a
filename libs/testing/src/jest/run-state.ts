import type { TestInfrastructure } from '../infra/provision';

/**
 * What the run's global setup hands to the teardown, the reporter and the test workers. Workers are
 * forked after global setup, so they see these variables; setup and teardown share the process.
 */
export const RUN_ENV = {
  /** The jest runner's PID; databases of a run are named after it so that leftovers can be found. */
  runId: 'LINTAS_TEST_RUN',
  kafkaLog: 'LINTAS_TEST_KAFKA_LOG',
  /** Set once the run has a broker: the application tier runs without one. */
  kafkaReady: 'LINTAS_TEST_KAFKA_READY',
  /** Set by the reporter when the run failed: the broker's log is kept for the reader. */
  keepLogs: 'LINTAS_TEST_KEEP_LOGS',
} as const;

const holder = globalThis as { lintasTestInfrastructure?: TestInfrastructure[] };

/** A run may provision twice: PostgreSQL for the application tier, then Kafka when a later tier needs it. */
export function rememberInfrastructure(infrastructure: TestInfrastructure): void {
  (holder.lintasTestInfrastructure ??= []).push(infrastructure);
}

export function takeInfrastructure(): TestInfrastructure[] {
  const infrastructure = holder.lintasTestInfrastructure ?? [];
  holder.lintasTestInfrastructure = undefined;
  return infrastructure;
}
