import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import { SERVICE_LOGGER, SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { PROJECTION_REBUILDER } from '@lintas/platform/service/projection-rebuilder';
import { STORE_VERIFIER, type StoreVerifier } from '@lintas/platform/service/store-verifier';
import { parseMasterKey } from '@lintas/privacy/master-key';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { PersonKeyStore } from '@lintas/privacy/person-key-store';
import { EventRegistry, type EventDefinition } from '../events/event-registry';
import { EventStore, type IntegrationMapper } from '../event-store';
import { loadSealKeys, SealKeys } from '../sealing/seal-keys';
import { SealingSchedule } from '../sealing/sealing-schedule';
import type { Projection } from '../subscriptions/projection';
import { verifyStore } from '../verification/verify-store';
import { ProjectionRebuilds, type ProjectionFactory } from './projection-rebuilds';
import { ReadModels } from './read-models';
import { appendMetrics, watchStore } from './store-metrics';

export interface EventStoreModuleOptions {
  /** Every event type the service stores, with its personal fields. */
  definitions: readonly EventDefinition[];
  /** The service's own PostgreSQL schema for its events. */
  schema: string;
  /** Which events leave the service, and as what (see @lintas/messaging integrationMapper). */
  integration?: (source: string) => IntegrationMapper;
  /**
   * The service's read models; a function of the schema they live in and the store (its cipher):
   * called for the store's schema (the live read models) and for a rebuild's shadow schema.
   */
  projections?: (schema: string, store: EventStore) => readonly Projection[];
  sealEveryMs?: number;
}

const KEY_POOL = Symbol('KEY_POOL');
/** Keys are read and written one short statement at a time; a few connections serve them. */
const KEY_POOL_SIZE = 3;

/**
 * A service's event store, wired the same way in every service: its pool, its keys, its signed
 * seals, its verification (served to admins by the platform), its outbox mapping and its read
 * models. Global: commands, queries and reactions all use it.
 */
@Global()
@Module({})
export class EventStoreModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  static forService(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          // Connections of the key store's own: a transaction that needs a person's key (to seal or
          // open) while it holds a pooled connection must never wait behind transactions that hold
          // the rest of the pool waiting for keys themselves. With one shared pool, a backlog of
          // reactions and projections that all opened keys held every connection and waited for
          // an eleventh: the service never became ready again after a crash.
          provide: KEY_POOL,
          inject: [Pool, SERVICE_LOGGER],
          useFactory: (pool: Pool, logger: Logger) => {
            const keys = new Pool({ ...pool.options, max: KEY_POOL_SIZE });
            keys.on('error', (err) => logger.warn({ err }, 'an idle key-store connection failed'));
            return keys;
          },
        },
        {
          provide: PersonKeyStore,
          inject: [KEY_POOL, ServiceEnv],
          useFactory: (keys: Pool, env: ServiceEnv) =>
            PersonKeyStore.open(keys, parseMasterKey(env.PERSONAL_DATA_KEY), `${options.schema}_keys`),
        },
        {
          provide: PersonalDataProtector,
          inject: [PersonKeyStore],
          useFactory: (keys: PersonKeyStore) => new PersonalDataProtector(keys),
        },
        {
          provide: EventStore,
          inject: [Pool, PersonalDataProtector, SERVICE_NAME, ServiceMetrics],
          useFactory: (pool: Pool, cipher: PersonalDataProtector, name: string, metrics: ServiceMetrics) =>
            EventStore.open(pool, {
              registry: new EventRegistry(options.definitions),
              cipher,
              schema: options.schema,
              ...(options.integration ? { integration: options.integration(`/lintas/${name}`) } : {}),
              observer: appendMetrics(metrics, options.schema),
            }),
        },
        {
          provide: ReadModels,
          inject: [EventStore, SERVICE_LOGGER],
          useFactory: async (store: EventStore, logger: Logger) => {
            const readModels = new ReadModels(store, projectionsOf(options, store)(options.schema), (err) =>
              logger.warn({ err }, 'a read model batch failed; it is tried again'),
            );
            await readModels.prepare();
            return readModels;
          },
        },
        {
          // What /admin/projections (the platform's) answers: rebuilds in a shadow schema, swapped in.
          provide: ProjectionRebuilds,
          inject: [EventStore, SERVICE_LOGGER],
          useFactory: (store: EventStore, logger: Logger) =>
            new ProjectionRebuilds(store, projectionsOf(options, store), {
              onEnd: (state, err) =>
                err
                  ? logger.warn({ err, rebuild: state }, 'a projection rebuild failed')
                  : logger.info({ rebuild: state }, 'a projection was rebuilt and swapped in'),
            }),
        },
        { provide: PROJECTION_REBUILDER, useExisting: ProjectionRebuilds },
        {
          // From files the configuration names, never from the database the seals are in.
          provide: SealKeys,
          inject: [ServiceEnv, SERVICE_NAME],
          useFactory: (env: ServiceEnv, name: string) =>
            loadSealKeys({
              service: name,
              signingKeyFile: env.SEAL_SIGNING_KEY_FILE,
              trustedPublicKeysFile: env.SEAL_TRUSTED_PUBLIC_KEYS_FILE,
              createIfMissing: env.NODE_ENV !== 'production',
            }),
        },
        {
          provide: SealingSchedule,
          inject: [Pool, SealKeys, SERVICE_LOGGER],
          useFactory: (pool: Pool, keys: SealKeys, logger: Logger) =>
            new SealingSchedule(pool, options.schema, keys.signer, options.sealEveryMs ?? 5_000, (err) =>
              logger.warn({ err }, 'sealing failed; it is tried again'),
            ),
        },
        {
          // What POST /admin/store-verifications (the platform's) answers.
          provide: STORE_VERIFIER,
          inject: [Pool, SealKeys],
          useFactory: (pool: Pool, keys: SealKeys): StoreVerifier => ({
            schema: options.schema,
            verify: () => verifyStore(pool, options.schema, { trustedKeys: keys.trusted }),
          }),
        },
      ],
      exports: [EventStore, PersonalDataProtector, ReadModels, SealKeys, STORE_VERIFIER, PROJECTION_REBUILDER],
    };
  }

  constructor(
    @Inject(SealingSchedule) private readonly sealing: SealingSchedule,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(ProjectionRebuilds) private readonly rebuilds: ProjectionRebuilds,
    @Inject(KEY_POOL) private readonly keyPool: Pool,
  ) {}

  onModuleInit(): void {
    watchStore(this.metrics, this.store, this.readModels);
  }

  onApplicationBootstrap(): void {
    this.sealing.start();
    this.readModels.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuilds.stop();
    await this.readModels.stop();
    await this.sealing.stop();
    await this.store.close();
    await this.keyPool.end();
  }
}

/** The one way a service's projections are made, for any schema: the live one or a rebuild's shadow. */
function projectionsOf(options: EventStoreModuleOptions, store: EventStore): ProjectionFactory {
  return (schema) => options.projections?.(schema, store) ?? [];
}
