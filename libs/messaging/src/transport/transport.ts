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
  /** Stops fetching, lets the batch in hand finish, commits the offsets handled, leaves the group. */
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /**
   * Called with consecutive messages of one partition, in order; the offset after the last one is
   * committed only once the returned promise resolves. A rejection is not committed: the batch is
   * delivered again (to this member or, after a rebalance, to another). Batches of different
   * partitions may be in hand at the same time (up to PARTITIONS_HANDLED_AT_ONCE), never two of one
   * partition.
   */
  handle(batch: IncomingMessage[]): Promise<void>;
}

/**
 * How many partitions' batches a member handles at once. One at a time, every message waited for
 * the handling and the offset commit of each partition read before it: under load that queue, not
 * the broker, was most of a hand-over's time. Each batch in hand holds a database connection for
 * its transaction, so this stays well below a service's pool (10), leaving room for requests and
 * the relay.
 */
export const PARTITIONS_HANDLED_AT_ONCE = 4;

/**
 * A partition's handled offsets are committed at most this often, not after every batch: at a
 * thousand messages a second, one commit per batch was a third of all requests to a Kafka broker,
 * and on the PostgreSQL log an update of one row per round, whose old versions pile up while any
 * transaction in the same database stays open (each update then slower than the last). A member that crashes hands at most this much (plus the
 * commit in flight) over again, and the inbox recognises every message of it; a member that stops
 * commits what it handled before it leaves.
 */
export const COMMIT_INTERVAL_MS = 100;

export interface Transport {
  readonly name: string;
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  publisher(): Promise<Publisher>;
  consume(options: ConsumeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
