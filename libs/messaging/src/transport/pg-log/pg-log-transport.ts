import { Pool } from 'pg';
import type { ConsumeOptions, OutgoingMessage, Publisher, Subscription, TopicSpec, Transport } from '../transport';
import { NotifyCoalescer } from './notify-coalescer';
import { partitionOf } from './partition';
import { createPgLogSchema, DEFAULT_PG_LOG_SCHEMA, messagesChannel, pgLogSchemaName } from './pg-log-schema';
import { PgLogSubscription } from './pg-log-subscription';

export interface PgLogTransportOptions {
  /** The caller's pool: the transport never ends it. Each running subscription keeps one of its connections. */
  pool: Pool;
  /** PostgreSQL schema of the log's tables; 'message_log' unless given. */
  schema?: string;
  /** How often a consumer looks for messages when no notification woke it; also how often a standby tries to take over. */
  pollIntervalMs?: number;
  /** Told of failures the transport recovers from by itself: a lost connection, a failed fetch or notification. */
  onError?: (error: unknown) => void;
}

/** Consecutive publishes within this window share one notification. */
const NOTIFY_WINDOW_MS = 3;

/**
 * The single-machine mode: topics, partitions and consumer groups kept in PostgreSQL instead of
 * Kafka. A key goes to the partition Kafka's default partitioner would pick. In each group one
 * member at a time reads a topic, all its partitions; other members wait as standbys and take over
 * from the last stored offset when it stops or its connection dies. Messages are kept: nothing
 * here deletes them.
 */
export class PgLogTransport implements Transport {
  readonly name = 'pg-log';
  private readonly pool: Pool;
  /**
   * Publishes on connections that do nothing else: each is a writer of the log for as long as it
   * lives, and readers wait only for transactions of writers (writer-sessions.ts), so none of the
   * caller's longer transactions may run on them.
   */
  private readonly publishing: Pool;
  private readonly schema: string;
  private readonly pollIntervalMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly notifier: NotifyCoalescer;
  private readonly partitions = new Map<string, number>();
  private readonly subscriptions = new Set<PgLogSubscription>();
  private schemaReady?: Promise<void>;
  private closed = false;

  constructor(options: PgLogTransportOptions) {
    this.pool = options.pool;
    this.schema = pgLogSchemaName(options.schema ?? DEFAULT_PG_LOG_SCHEMA);
    this.publishing = new Pool({ ...options.pool.options, max: 2, allowExitOnIdle: true });
    this.publishing.on('error', (error) => this.onError(error));
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    const onError = options.onError ?? (() => undefined);
    // A throwing listener must not break the loops that recover from the error it was told of.
    this.onError = (error) => {
      try {
        onError(error);
      } catch {
        // Nothing more to do with it.
      }
    };
    this.notifier = new NotifyCoalescer(this.pool, messagesChannel(this.schema), NOTIFY_WINDOW_MS, this.onError);
  }

  /** Creates the log's tables if they are missing; every other method does it first anyway. */
  async open(): Promise<this> {
    this.schemaReady ??= createPgLogSchema(this.pool, this.schema).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    await this.schemaReady;
    return this;
  }

  /** A topic that exists keeps its partitions, as on Kafka: its keys must not move to other partitions. */
  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    for (const topic of topics) {
      if (topic.name === '') throw new Error('a topic needs a name');
      if (!Number.isInteger(topic.partitions) || topic.partitions < 1) {
        throw new Error(`topic '${topic.name}' needs a whole number of partitions, at least 1`);
      }
    }
    await this.open();
    await this.pool.query(
      `INSERT INTO ${this.schema}.topics (name, partitions)
       SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (name) DO NOTHING`,
      [topics.map((t) => t.name), topics.map((t) => t.partitions)],
    );
    await this.partitionsOf(topics.map((t) => t.name));
  }

  async publisher(): Promise<Publisher> {
    this.assertOpen();
    await this.open();
    let closed = false;
    return {
      send: async (messages) => {
        if (closed) throw new Error('this publisher is closed');
        await this.send(messages);
      },
      close: async () => {
        closed = true;
        await this.notifier.drain();
      },
    };
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('a subscription needs at least one topic');
    await this.open();
    const subscription = new PgLogSubscription(
      { pool: this.pool, schema: this.schema, pollIntervalMs: this.pollIntervalMs, onError: this.onError },
      options,
      await this.partitionsOf(options.topics),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return {
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(subscription);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.notifier.drain();
    await this.publishing.end();
  }

  /**
   * One statement, so one transaction: all messages commit or none do, in the given order. Consumers
   * are woken only after the commit, by a separate statement (see NotifyCoalescer).
   */
  private async send(messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    const topics = [...new Set(messages.map((m) => m.topic))];
    const partitions = await this.partitionsOf(topics);
    await this.publishing.query(
      `SELECT ${this.schema}.append_messages($1::text[], $2::int[], $3::text[], $4::bytea[], $5::jsonb[])`,
      [
        messages.map((m) => m.topic),
        messages.map((m) => partitionOf(m.key, partitions.get(m.topic) ?? 1)),
        messages.map((m) => m.key),
        messages.map((m) => m.value),
        messages.map((m) => JSON.stringify(m.headers)),
      ],
    );
    this.notifier.request(topics);
  }

  /** Partition counts never change, so they are read once per topic. */
  private async partitionsOf(topics: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const unknown = topics.filter((topic) => !this.partitions.has(topic));
    if (unknown.length > 0) {
      const { rows } = await this.pool.query<{ name: string; partitions: number }>(
        `SELECT name, partitions FROM ${this.schema}.topics WHERE name = ANY($1::text[])`,
        [unknown],
      );
      for (const row of rows) this.partitions.set(row.name, row.partitions);
    }
    const missing = topics.find((topic) => !this.partitions.has(topic));
    if (missing !== undefined) throw new Error(`topic '${missing}' does not exist: create it with createTopics first`);
    return this.partitions;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('this transport is closed');
  }
}
