import { existsSync } from 'node:fs';
import type { RunningService } from './running-service';

// Confluent Platform 8.1 ships Apache Kafka 4.1; testcontainers' Kafka module drives its images.
const KAFKA_IMAGE = 'confluentinc/cp-kafka:8.1.0';
const POSTGRES_IMAGE = 'postgres:18-alpine';

/**
 * A Docker engine is only worth asking for when one is configured: probing a missing one through
 * testcontainers costs seconds on every run of a machine that has none (like this project's CI).
 */
export async function dockerIsReachable(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function startKafkaContainer(): Promise<RunningService> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const kafka = await new KafkaContainer(KAFKA_IMAGE).withKraft().start();
  return {
    address: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    description: `Kafka container ${KAFKA_IMAGE}`,
    stop: async () => void (await kafka.stop()),
  };
}

export async function startPostgresContainer(): Promise<RunningService> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const postgres = await new PostgreSqlContainer(POSTGRES_IMAGE).start();
  return {
    address: postgres.getConnectionUri(),
    description: `PostgreSQL container ${POSTGRES_IMAGE}`,
    stop: async () => void (await postgres.stop()),
  };
}
