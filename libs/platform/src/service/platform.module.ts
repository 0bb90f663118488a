import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { ServiceEnv } from '../config/service-env';
import { createPostgresPool } from '../database/postgres-pool';
import { HealthController } from '../health/health.controller';
import { KafkaReadiness } from '../health/kafka-readiness';
import { PostgresReadiness } from '../health/postgres-readiness';
import { READINESS_CHECKS } from '../health/readiness-check';
import { AccessLog } from '../http/access/access-log';
import { DeadLettersController } from '../http/admin/dead-letters.controller';
import { ProjectionsController } from '../http/admin/projections.controller';
import { RedeliveriesController } from '../http/admin/redeliveries.controller';
import { VerifyStoreController } from '../http/admin/verify-store.controller';
import { httpEdgeProviders } from '../http/http-edge';
import { MetricsController } from '../metrics/metrics.controller';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SERVICE_LOGGER, SERVICE_NAME } from './service-tokens';

/**
 * What every service gets the same way: its validated settings, its logger, its PostgreSQL pool,
 * the health endpoints that check PostgreSQL and Kafka, its metrics at /metrics, and the admin's
 * verification of its event store (which the event store's module provides: STORE_VERIFIER) and
 * handling of its dead letters (which the messaging module provides: DEAD_LETTER_ADMIN).
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  static forService(
    name: string,
    env: ServiceEnv,
    logger: Logger,
    metrics: ServiceMetrics = new ServiceMetrics(),
  ): DynamicModule {
    const schema = serviceSchema(name);
    return {
      module: PlatformModule,
      controllers: [
        HealthController,
        MetricsController,
        VerifyStoreController,
        DeadLettersController,
        RedeliveriesController,
        ProjectionsController,
      ],
      providers: [
        { provide: SERVICE_NAME, useValue: name },
        { provide: ServiceEnv, useValue: env },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: ServiceMetrics, useValue: metrics },
        {
          provide: Pool,
          useFactory: () =>
            createPostgresPool(
              env.DATABASE_URL,
              name,
              (err) => logger.warn({ err }, 'an idle database connection ended'),
              schema,
            ),
        },
        ...httpEdgeProviders(schema),
        { provide: KafkaReadiness, useFactory: () => new KafkaReadiness(env.kafkaBrokers, name) },
        {
          provide: READINESS_CHECKS,
          inject: [Pool, KafkaReadiness],
          // Without Kafka (the PostgreSQL log), readiness is PostgreSQL's alone.
          useFactory: (pool: Pool, kafka: KafkaReadiness) =>
            env.usesKafka ? [new PostgresReadiness(pool), kafka] : [new PostgresReadiness(pool)],
        },
      ],
      exports: [SERVICE_NAME, ServiceEnv, SERVICE_LOGGER, Pool, ServiceMetrics, AccessLog],
    };
  }

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(KafkaReadiness) private readonly kafka: KafkaReadiness,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    const closed = await Promise.allSettled([this.kafka.close(), this.pool.end()]);
    for (const result of closed) {
      if (result.status === 'rejected') this.logger.warn({ err: result.reason }, 'a connection did not close cleanly');
    }
    this.logger.info({ signal }, 'stopped');
  }
}

/** A service's own PostgreSQL schema: its name, with underscores. */
export function serviceSchema(name: string): string {
  return name.replace(/-/g, '_');
}
