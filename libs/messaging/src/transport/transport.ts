/**
 * The one port every messaging adapter implements: Kafka through kafkajs, Kafka through
 * @platformatic/kafka, or a log in PostgreSQL for the single-machine mode. What sits above it
 * (outbox relay, inbox, retries, dead letters) does not know which one runs.
 */

export type Headers = Record<string, string>;

export interface OutgoingMessage {
  topic: string;
  /** Messages with the same key stay in order: they go to one partition. */
  key: string;
  value: Buffer;
  headers: Headers;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Decimal text: Kafka offsets are 64-bit. */
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Headers;
}

export interface TopicSpec {
  name: string;
  partitions: number;
}

export interface Publisher {
  /**
   * Resolves once every message is acknowledged by all in-sync replicas (acks=all) — only then may
   * the caller mark them sent. Keeps the given order for messages of one key.
   */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface Subscription {
  /** Stops fetching, lets the batch in hand finish, commits its offset, leaves the group. */
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /**
   * Called with consecutive messages of one partition, in order; the offset after the last one is
   * committed only once the returned promise resolves. A rejection is not committed: the batch is
   * delivered again (to this member or, after a rebalance, to another).
   */
  handle(batch: IncomingMessage[]): Promise<void>;
}

export interface Transport {
  readonly name: string;
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  publisher(): Promise<Publisher>;
  consume(options: ConsumeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
