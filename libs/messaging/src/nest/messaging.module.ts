import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { AnyContract } from '@lintas/contracts/contract';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { withinTransaction } from '@lintas/platform/database/ambient-transaction';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { MODULE_READINESS_CHECK } from '@lintas/platform/health/readiness-check';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { ACCESS_RECORD_SINK } from '@lintas/platform/service/access-record-sink';
import { DEAD_LETTER_ADMIN } from '@lintas/platform/service/dead-letter-admin';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import { SERVICE_LOGGER, SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { logConsumed } from '../inbox/consumed-log';
import {
  consumerGroupOf,
  DEAD_LETTER_TOPIC_PARTITIONS,
  deadLetterTopicOf,
  DEFAULT_TOPIC_PARTITIONS,
} from '../topics/topic-names';
import { InboxConsumer, type EventHandler } from '../inbox/inbox-consumer';
import { KafkaConsumerLag } from '../metrics/kafka-consumer-lag';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { PgLogConsumerLag } from '../metrics/pg-log-consumer-lag';
import type { ConsumerLagReader, WatchedTopic } from '../metrics/consumer-lag';
import { accessRecordSinkOf } from '../outbox/access-record-outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { combineObservers } from '../outbox/relay-observers';
import { relaySpans } from '../outbox/relay-spans';
import { PermanentError } from '../inbox/permanent-error';
import { MessagingStartup } from './messaging-startup';
import { ServiceDeadLetters } from './service-dead-letters';
import { REACTS_TO, received, type Reaction, type ReactsToMetadata } from '../reactions/reaction';
import { PrefixedTransport } from '../transport/prefixed-transport';
import { createTransport } from '../transport/transport-factory';

export interface MessagingModuleOptions {
  /** The contracts this service publishes: their topics are created at start. */
  publishes: readonly AnyContract[];
  /** Every contract the service may read, so that an unknown type is told from one it ignores. */
  knows: readonly AnyContract[];
  partitions?: number;
}

const MessagingModuleOptionsToken = Symbol('MessagingModuleOptions');

/**
 * A service's messaging, wired the same way in every service: the configured transport, the
 * outbox relay that ships its integration events, and an idempotent inbox consumer that runs its
 * reactions (the service's providers marked `@ReactsTo`), with dead letters on
 * `<topic prefix>lintas.<service>.dead-letters`. Global, so that the platform's admin routes find
 * the service's dead letters (DEAD_LETTER_ADMIN) to list, inspect and redrive, and a person's
 * erasure (ServiceDeadLetters) empties those that name them.
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MessagingModuleOptionsToken, useValue: options },
        {
          provide: PrefixedTransport,
          inject: [ServiceEnv, SERVICE_NAME, Pool],
          useFactory: (env: ServiceEnv, name: string, pool: Pool) =>
            new PrefixedTransport(
              createTransport(env.MESSAGING_TRANSPORT, { brokers: env.kafkaBrokers, clientId: name, pool }),
              env.TOPIC_PREFIX,
            ),
        },
        {
          provide: MessagingStartup,
          inject: [ServiceEnv, SERVICE_LOGGER],
          useFactory: (env: ServiceEnv, logger: Logger) =>
            new MessagingStartup(env.usesKafka ? 'kafka' : 'postgres', logger),
        },
        { provide: MODULE_READINESS_CHECK, useExisting: MessagingStartup },
        {
          provide: ServiceDeadLetters,
          inject: [Pool, EventStore, PrefixedTransport],
          useFactory: (pool: Pool, store: EventStore, transport: PrefixedTransport) =>
            new ServiceDeadLetters(pool, store.schema, transport),
        },
        // What /admin/dead-letters (the platform's) serves.
        { provide: DEAD_LETTER_ADMIN, useExisting: ServiceDeadLetters },
        // Where the platform's access log sends each record, in its transaction: this service's outbox,
        // when the service publishes its access-record contract (the ledger keeps them).
        {
          provide: ACCESS_RECORD_SINK,
          inject: [SERVICE_NAME, EventStore],
          useFactory: (name: string, store: EventStore) => accessRecordSinkOf(name, options.publishes, store),
        },
        {
          provide: MessagingMetrics,
          inject: [ServiceMetrics],
          useFactory: (metrics: ServiceMetrics) => new MessagingMetrics(metrics),
        },
      ],
      exports: [PrefixedTransport, DEAD_LETTER_ADMIN, ServiceDeadLetters, ACCESS_RECORD_SINK],
    };
  }

  private relay?: OutboxRelay;
  private consumer?: InboxConsumer;
  private lag?: ConsumerLagReader;

  constructor(
    @Inject(MessagingModuleOptionsToken) private readonly options: MessagingModuleOptions,
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(PrefixedTransport) private readonly transport: PrefixedTransport,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Pool) private readonly pool: Pool,
    @Inject(SERVICE_NAME) private readonly name: string,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(MessagingStartup) private readonly startup: MessagingStartup,
    @Inject(MessagingMetrics) private readonly metrics: MessagingMetrics,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
    @Inject(ServiceDeadLetters) private readonly deadLetters: ServiceDeadLetters,
    @Inject(PersonalDataProtector) private readonly personalData: PersonalDataProtector,
  ) {}

  /** Found at bootstrap, when every provider is constructed. */
  private reactions(): { metadata: ReactsToMetadata; reaction: Reaction }[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const metadata: unknown = wrapper.metatype && Reflect.getMetadata(REACTS_TO, wrapper.metatype);
      return metadata && wrapper.instance && !wrapper.isAlias
        ? [{ metadata: metadata as ReactsToMetadata, reaction: wrapper.instance as Reaction }]
        : [];
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const reactions = this.reactions();
    const deadLetterTopic = deadLetterTopicOf(this.name);
    const partitions = this.options.partitions ?? DEFAULT_TOPIC_PARTITIONS;
    const topics = new Set([
      ...this.options.publishes.map((c) => c.topic),
      ...reactions.map((r) => r.metadata.contract.topic),
    ]);
    const handlers: Record<string, EventHandler> = {};
    for (const { metadata, reaction } of reactions) {
      if (handlers[metadata.contract.type]) throw new Error(`two reactions to ${metadata.contract.type}`);
      handlers[metadata.contract.type] = this.metrics.timed(metadata.contract.type, (event, transaction) =>
        react(reaction, metadata, received(event), transaction),
      );
    }
    const groupId = consumerGroupOf(this.name);
    this.metrics.watchOutbox(this.name, this.store);
    if (reactions.length > 0) {
      this.lag = this.lagReader(groupId, [...new Set(reactions.map((r) => r.metadata.contract.topic))]);
      this.metrics.watchConsumerLag(groupId, this.lag);
    }
    const log = logConsumed(this.logger);
    // A broker not up yet is waited for, not a reason to exit; each attempt redoes what failed and
    // everything after it (see docs/architecture.md, "Broker outages and recovery").
    await this.startup.start(async () => {
      await this.transport.createTopics([
        ...[...topics].map((name) => ({ name, partitions })),
        { name: deadLetterTopic, partitions: DEAD_LETTER_TOPIC_PARTITIONS },
      ]);
      this.relay ??= new OutboxRelay(this.pool, this.transport, {
        schema: this.store.schema,
        wakeOn: this.store.appended,
        onError: (err) => this.logger.warn({ err }, 'the outbox relay failed; it tries again'),
        observer: combineObservers(relaySpans(this.transport.name), this.metrics.relayTimings()),
      });
      this.relay.start();
      if (reactions.length === 0) return;
      this.consumer ??= new InboxConsumer(this.pool, this.transport, {
        schema: this.store.schema,
        groupId,
        contracts: new ContractRegistry([
          ...new Set([...this.options.knows, ...reactions.map((r) => r.metadata.contract)]),
        ]),
        handlers,
        deadLetterTopic,
        onError: (err, message) =>
          this.logger.warn(
            { err, topic: message.topic, partition: message.partition, offset: message.offset },
            'a reaction failed',
          ),
        // Reactions append inside the inbox's transaction: wake the relay and read models after it.
        onHandled: (event) => {
          this.store.notifyAppended();
          this.metrics.handled(event);
        },
        onConsumed: (event, outcome) => {
          log(event, outcome);
          this.metrics.consumed(event, outcome);
        },
        onDeadLettered: (reason) => this.metrics.deadLettered(reason),
        // A dead letter of a person erased already is recorded erased (see DeadLetters.record).
        erasedAmong: (personIds) => this.personalData.erasedAmong(personIds),
      });
      const consumer = this.consumer;
      // A start that failed half-way lets go of what it opened; the next attempt starts it again.
      await consumer.start().catch(async (error: unknown) => {
        await consumer.stop().catch(() => undefined);
        throw error;
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.startup.stop();
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.deadLetters.close();
    await this.transport.close();
    await this.lag?.close();
  }

  /** Where the group's offsets are kept: in Kafka, whichever Kafka client runs, or in the PostgreSQL log. */
  private lagReader(groupId: string, topics: string[]): ConsumerLagReader {
    const watched: WatchedTopic[] = topics.map((name) => ({ name, stored: this.transport.topic(name) }));
    return this.env.usesKafka
      ? new KafkaConsumerLag(this.env.kafkaBrokers, this.name, groupId, watched)
      : new PgLogConsumerLag(this.pool, groupId, watched);
  }
}

/**
 * The one error policy of reactions: a domain rule that refuses the command refuses it on every
 * retry, so the event is dead-lettered with the rule's code, unless the reaction calls the rule
 * harmless ("already so"). The inbox's transaction is ambient while the reaction runs, so the
 * commands it executes join it; the inbox wakes readers, and runs what the reaction left for
 * after the commit, once it commits.
 */
async function react(
  reaction: Reaction,
  metadata: ReactsToMetadata,
  event: ReturnType<typeof received>,
  transaction: PoolClient,
): Promise<() => void> {
  const nothing = (): void => undefined;
  try {
    // What the reaction asked to run after its commit (e.g. a webhook queue's wake-up) runs after the inbox's.
    return (await withinTransaction(transaction, () => reaction.handle(event, transaction))).committed;
  } catch (error) {
    // Nothing personal may be recorded of an erased person, on any retry: nor in the dead letter,
    // which keeps none of the message's data (erased as it is recorded).
    if (error instanceof Error && error.name === 'PersonErasedError') {
      throw new PermanentError(`${event.type} refused: person.erased`, true);
    }
    if (!(error instanceof DomainError)) throw error;
    if (metadata.options.harmless?.includes(error.code)) return nothing;
    throw new PermanentError(`${event.type} refused: ${error.code}`);
  }
}
