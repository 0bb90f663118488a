import {
  CompressionTypes,
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type Message,
  type Producer,
} from 'kafkajs';
import {
  ADMIN_RETRIES,
  CLIENT_RETRIES,
  CLIENT_RETRY_FIRST_MS,
  CLIENT_RETRY_MAX_MS,
  FETCH_MAX_WAIT_MS,
  GROUP_HEARTBEAT_INTERVAL_MS,
  GROUP_REBALANCE_TIMEOUT_MS,
  GROUP_SESSION_TIMEOUT_MS,
  pause,
  retryDelay,
  waitForLeaders,
} from '../kafka-waits';
import type {
  ConsumeOptions,
  Headers,
  IncomingMessage,
  OutgoingMessage,
  Publisher,
  Subscription,
  TopicSpec,
  Transport,
} from '../transport';
import { COMMIT_INTERVAL_MS, PARTITIONS_HANDLED_AT_ONCE } from '../transport';

export interface KafkajsTransportOptions {
  brokers: string[];
  clientId: string;
}

/** kafkajs backs off from CLIENT_RETRY_FIRST_MS, doubling (with some jitter), never beyond the cap. */
const CLIENT_RETRY = { initialRetryTime: CLIENT_RETRY_FIRST_MS, maxRetryTime: CLIENT_RETRY_MAX_MS };

/**
 * The messaging port on Kafka through kafkajs: one idempotent producer per transport, one consumer
 * per subscription, offsets resolved by hand once their batch was handled and committed in the background.
 */
export class KafkajsTransport implements Transport {
  readonly name = 'kafkajs';
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: KafkajsTransportOptions) {
    // Services log JSON only: kafkajs' own text lines must not reach stdout.
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      retry: { ...CLIENT_RETRY, retries: CLIENT_RETRIES },
    });
  }

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    this.assertOpen();
    if (topics.length === 0) return;
    const names = topics.map((topic) => topic.name);
    const admin = this.kafka.admin({ retry: { ...CLIENT_RETRY, retries: ADMIN_RETRIES } });
    await admin.connect();
    try {
      // Resolves false, not an error, when the topics already exist: creating is idempotent for callers.
      // kafkajs' own waitForLeaders is not used: it retries only LEADER_NOT_AVAILABLE, while a KRaft
      // broker answers UNKNOWN_TOPIC_OR_PARTITION until the new topic reaches its metadata cache.
      await admin.createTopics({
        topics: topics.map(({ name, partitions }) => ({ topic: name, numPartitions: partitions })),
        waitForLeaders: false,
      });
      await waitForLeaders(names, () => leadersKnown(admin, names));
    } finally {
      await admin.disconnect();
    }
  }

  async publisher(): Promise<Publisher> {
    this.assertOpen();
    return new KafkajsPublisher(await this.connectedProducer());
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    this.assertOpen();
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // See kafka-waits.ts: a killed member's partitions move after its session, not kafkajs' 30 s.
      sessionTimeout: GROUP_SESSION_TIMEOUT_MS,
      heartbeatInterval: GROUP_HEARTBEAT_INTERVAL_MS,
      rebalanceTimeout: GROUP_REBALANCE_TIMEOUT_MS,
      // stop() and a rebalance wait for the fetch in flight, which the broker holds open this long when there
      // is nothing to read (kafkajs' default is 5 s); idle, it is 2 fetches a second.
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    });
    const stopping = new AbortController();
    const commits = new BackgroundCommits(stopping.signal);
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: options.topics, fromBeginning: true });
      await consumer.run({
        // kafkajs' autoCommit sends an OffsetCommit after every batch and waits for it before it fetches
        // again, a round trip on the path of every hand-over; BackgroundCommits sends them beside it.
        autoCommit: false,
        eachBatchAutoResolve: false,
        // Each partition's batches still come one after another, in order (see transport.ts).
        partitionsConsumedConcurrently: PARTITIONS_HANDLED_AT_ONCE,
        eachBatch: (payload) => commits.track(deliverBatch(payload, options.handle, stopping.signal, commits)),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }

    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          // Wakes a batch waiting to be retried. What was handled is committed before the group is left,
          // so that the next member starts after it.
          stopping.abort();
          try {
            await commits.flush();
            await consumer.disconnect();
          } finally {
            this.subscriptions.delete(subscription);
          }
        })()),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const connecting = (async () => {
        const producer = this.kafka.producer({
          // Idempotence keeps kafkajs' own retries from writing a message twice or out of order.
          idempotent: true,
          // kafkajs already sends one idempotent produce request per broker at a time (it holds a broker
          // lock while the sequence numbers are in flight); 1 states that and meets KIP-98's original rule.
          maxInFlightRequests: 1,
          // Java's murmur2 partitioner: a key lands on the same partition whichever client wrote it.
          createPartitioner: Partitioners.DefaultPartitioner,
          // Topics come from createTopics with their partition count, never from a broker default.
          allowAutoTopicCreation: false,
        });
        await producer.connect();
        return producer;
      })();
      this.producer = connecting;
      // A failed connection is not kept: the next publisher() tries again.
      connecting.catch(() => {
        if (this.producer === connecting) this.producer = undefined;
      });
    }
    return this.producer;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('KafkajsTransport is closed');
  }
}

/** A handle on the transport's one producer: closing it stops this handle, the producer lives on. */
class KafkajsPublisher implements Publisher {
  private closed = false;

  constructor(private readonly producer: Producer) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('Publisher is closed');
    if (messages.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const { topic, key, value, headers } of messages) {
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ key, value, headers });
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })),
    });
  }

  // Sends already started finish on the shared producer and settle for their callers; nothing to wait for.
  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * Hands one partition's batch to `handle` until it resolves, then has the offset after it committed.
 *
 * A rejection is retried here, in place, rather than thrown to kafkajs. Throwing would also re-deliver
 * (the runner re-fetches from the last resolved offset), but kafkajs gives up after `retry.retries`
 * attempts and restarts the whole consumer, rejoining the group each time, and treats a TypeError,
 * RangeError, ReferenceError or SyntaxError from the handler as fatal: the consumer stops for good.
 */
async function deliverBatch(
  payload: EachBatchPayload,
  handle: ConsumeOptions['handle'],
  stopping: AbortSignal,
  commits: BackgroundCommits,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  // Fetched while stopping: left to the member that gets the partition next.
  if (batch.messages.length === 0 || stopping.aborted) return;
  const messages = batch.messages.map((message) => toIncoming(batch.topic, batch.partition, message));
  for (let attempt = 0; ; attempt += 1) {
    try {
      await keepingAlive(heartbeat, () => handle(messages));
      break;
    } catch {
      // Nothing resolved: whoever gets the partition next starts again at this batch.
      if (!isRunning() || isStale()) return;
      if (!(await pause(retryDelay(attempt), stopping))) return;
      // The group only hears from this member through heartbeats sent from here; a rebalance makes this
      // throw, and kafkajs rejoins and fetches again from the committed offset.
      await heartbeat();
    }
  }
  resolveOffset(batch.lastOffset());
  commits.request(payload);
}

/**
 * Commits the offsets the consumer resolved, in the background and at most once per
 * COMMIT_INTERVAL_MS: a batch's commit never holds up the next fetch. A member that crashes, or a
 * rebalance, hands at most that much over again (plus the commit in flight), which the inbox
 * recognises. `flush` waits for the batches in hand and commits what they resolved.
 */
class BackgroundCommits {
  /** The latest batch's payload: its functions commit whatever the consumer resolved, every partition. */
  private requested?: EachBatchPayload;
  private committing?: Promise<void>;
  private readonly inHand = new Set<Promise<void>>();

  constructor(private readonly stopping: AbortSignal) {}

  track(delivery: Promise<void>): Promise<void> {
    this.inHand.add(delivery);
    return delivery.finally(() => this.inHand.delete(delivery));
  }

  request(payload: EachBatchPayload): void {
    this.requested = payload;
    this.committing ??= this.commitRequested().finally(() => (this.committing = undefined));
  }

  async flush(): Promise<void> {
    await Promise.allSettled(this.inHand);
    await this.committing;
  }

  private async commitRequested(): Promise<void> {
    for (let payload = this.requested; payload; payload = this.requested) {
      this.requested = undefined;
      // A refused commit (a rebalance under way, this member dropped) is not retried: kafkajs rejoins,
      // and the offsets not committed are handed over again.
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets()).catch(() => undefined);
      // Stopping cuts the wait short: what the last batches resolved is committed at once.
      await pause(COMMIT_INTERVAL_MS, this.stopping);
    }
  }
}

/**
 * kafkajs heartbeats only between batches. With a session of a few seconds, a batch that takes longer
 * (a reaction retried with backoff) would have this live member evicted, its partitions moved while it
 * still works on them; heartbeats go on while it is handled. One that fails (a rebalance under way) is
 * left to kafkajs, which rejoins once the batch is done and its commit is refused.
 */
async function keepingAlive(heartbeat: EachBatchPayload['heartbeat'], work: () => Promise<void>): Promise<void> {
  const beating = setInterval(() => void heartbeat().catch(() => undefined), GROUP_HEARTBEAT_INTERVAL_MS);
  try {
    await work();
  } finally {
    clearInterval(beating);
  }
}

/** Whether every partition of `topics` has a leader, as kafkajs's metadata says. */
async function leadersKnown(admin: Admin, topics: string[]): Promise<boolean> {
  // Throws while the broker does not know a topic yet; that is one more round, not a failure.
  const metadata = await admin.fetchTopicMetadata({ topics }).catch(() => undefined);
  return topics.every((name) => {
    const partitions = metadata?.topics.find((topic) => topic.name === name)?.partitions ?? [];
    return partitions.length > 0 && partitions.every((p) => p.partitionErrorCode === 0 && p.leader >= 0);
  });
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: message.value ?? Buffer.alloc(0),
    headers: toHeaders(message.headers),
  };
}

function toHeaders(headers: IHeaders | undefined): Headers {
  const result: Headers = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    // kafkajs gathers a repeated header into an array; like Kafka's lastHeader(), the last one wins.
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}
