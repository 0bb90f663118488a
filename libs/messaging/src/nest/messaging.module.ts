import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AnyContract } from '@lintas/contracts/contract';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { SERVICE_LOGGER, SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { InboxConsumer, type EventHandler } from '../inbox/inbox-consumer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { received, type Reaction } from '../reactions/reaction';
import { PrefixedTransport } from '../transport/prefixed-transport';
import { createTransport } from '../transport/transport-factory';

export interface MessagingModuleOptions {
  /** The contracts this service publishes: their topics are created at start. */
  publishes: readonly AnyContract[];
  /** Every contract the service may read, so that an unknown type is told from one it ignores. */
  knows: readonly AnyContract[];
  /** Process managers: providers that turn other services' events into this service's commands. */
  reactions: readonly Type<Reaction>[];
  partitions?: number;
}

const REACTIONS = Symbol('REACTIONS');
const MessagingModuleOptionsToken = Symbol('MessagingModuleOptions');

/**
 * A service's messaging, wired the same way in every service: the configured transport, the
 * outbox relay that ships its integration events, and an idempotent inbox consumer that runs its
 * reactions, with dead letters on `<topic prefix>lintas.<service>.dead-letters`.
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        ...options.reactions,
        { provide: MessagingModuleOptionsToken, useValue: options },
        {
          provide: REACTIONS,
          // Injected, not looked up: a lookup can return a reaction not yet constructed (a bare prototype).
          inject: [...options.reactions],
          useFactory: (...reactions: Reaction[]) => reactions,
        },
        {
          provide: PrefixedTransport,
          inject: [ServiceEnv, SERVICE_NAME, Pool],
          useFactory: (env: ServiceEnv, name: string, pool: Pool) =>
            new PrefixedTransport(
              createTransport(env.MESSAGING_TRANSPORT, { brokers: env.kafkaBrokers, clientId: name, pool }),
              env.TOPIC_PREFIX,
            ),
        },
      ],
      exports: [PrefixedTransport],
    };
  }

  private relay?: OutboxRelay;
  private consumer?: InboxConsumer;

  constructor(
    @Inject(MessagingModuleOptionsToken) private readonly options: MessagingModuleOptions,
    @Inject(REACTIONS) private readonly reactions: Reaction[],
    @Inject(PrefixedTransport) private readonly transport: PrefixedTransport,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Pool) private readonly pool: Pool,
    @Inject(SERVICE_NAME) private readonly name: string,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const deadLetterTopic = `lintas.${this.name}.dead-letters`;
    const partitions = this.options.partitions ?? 6;
    const topics = new Set([
      ...this.options.publishes.map((c) => c.topic),
      ...this.reactions.map((r) => r.contract.topic),
    ]);
    await this.transport.createTopics([
      ...[...topics].map((name) => ({ name, partitions })),
      { name: deadLetterTopic, partitions: 1 },
    ]);
    this.relay = new OutboxRelay(this.pool, this.transport, {
      schema: this.store.schema,
      wakeOn: this.store.appended,
      onError: (err) => this.logger.warn({ err }, 'the outbox relay failed; it tries again'),
    });
    this.relay.start();
    if (this.reactions.length === 0) return;
    const handlers: Record<string, EventHandler> = {};
    for (const reaction of this.reactions) {
      if (handlers[reaction.contract.type]) throw new Error(`two reactions to ${reaction.contract.type}`);
      handlers[reaction.contract.type] = (event, transaction) => reaction.handle(received(event), transaction);
    }
    this.consumer = new InboxConsumer(this.pool, this.transport, {
      schema: this.store.schema,
      groupId: `lintas.${this.name}`,
      contracts: new ContractRegistry([...new Set([...this.options.knows, ...this.reactions.map((r) => r.contract)])]),
      handlers,
      deadLetterTopic,
      onError: (err, message) =>
        this.logger.warn(
          { err, topic: message.topic, partition: message.partition, offset: message.offset },
          'a reaction failed',
        ),
      // Reactions append inside the inbox's transaction: wake the relay and read models after it.
      onHandled: () => this.store.notifyAppended(),
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.transport.close();
  }
}
