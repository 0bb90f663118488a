import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { SERVICE_LOGGER } from '@lintas/platform/service/platform.module';
import { parseMasterKey } from '@lintas/privacy/master-key';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { PersonKeyStore } from '@lintas/privacy/person-key-store';
import type { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { SealingSchedule } from '../sealing/sealing-schedule';

export interface EventStoreModuleOptions {
  registry: EventRegistry;
  /** The service's own PostgreSQL schema for its events. */
  schema: string;
  sealEveryMs?: number;
}

/** A service's event store, wired the same way in every service: its pool, its keys, its seals. */
@Module({})
export class EventStoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forService(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: PersonKeyStore,
          inject: [Pool, ServiceEnv],
          useFactory: (pool: Pool, env: ServiceEnv) =>
            PersonKeyStore.open(pool, parseMasterKey(env.PERSONAL_DATA_KEY), `${options.schema}_keys`),
        },
        {
          provide: PersonalDataProtector,
          inject: [PersonKeyStore],
          useFactory: (keys: PersonKeyStore) => new PersonalDataProtector(keys),
        },
        {
          provide: EventStore,
          inject: [Pool, PersonalDataProtector],
          useFactory: (pool: Pool, cipher: PersonalDataProtector) =>
            EventStore.open(pool, { registry: options.registry, cipher, schema: options.schema }),
        },
        {
          provide: SealingSchedule,
          inject: [Pool, SERVICE_LOGGER],
          useFactory: (pool: Pool, logger: Logger) =>
            new SealingSchedule(pool, options.schema, options.sealEveryMs ?? 5_000, (err) =>
              logger.warn({ err }, 'sealing failed; it is tried again'),
            ),
        },
      ],
      exports: [EventStore, PersonalDataProtector],
    };
  }

  constructor(
    @Inject(SealingSchedule) private readonly sealing: SealingSchedule,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    this.sealing.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sealing.stop();
    await this.store.close();
  }
}
