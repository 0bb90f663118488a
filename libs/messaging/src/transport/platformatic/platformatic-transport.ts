import {
  Admin,
  compatibilityPartitioner,
  Consumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  ProduceAcks,
  Producer,
  stringDeserializer,
  stringSerializer,
  type Message,
  type MessagesStream,
} from '@platformatic/kafka';
import { eachAtOnce } from '../each-at-once';
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

export interface PlatformaticTransportOptions {
  brokers: string[];
  clientId: string;
}

/** Keys and header values travel as UTF-8 text, values as the bytes given. */
type KafkaProducer = Producer<string, Buffer, string, string>;
type KafkaConsumer = Consumer<string, Buffer, string, string>;
type KafkaStream = MessagesStream<string, Buffer, string, string>;
type KafkaMessage = Message<string, Buffer, string, string>;

/**
 * The client waits the same retryDelay before every retry (1 s by default); this one doubles from
 * CLIENT_RETRY_FIRST_MS up to the cap, as kafkajs does.
 */
function clientRetryDelay(_client: unknown, _operation: string, attempt: number): number {
  return Math.min(CLIENT_RETRY_FIRST_MS * 2 ** (attempt - 1), CLIENT_RETRY_MAX_MS);
}

const CLIENT_RETRY = { retries: CLIENT_RETRIES, retryDelay: clientRetryDelay };

/**
 * The messaging port on Kafka through @platformatic/kafka: one idempotent producer per transport, one
 * consumer and messages stream per subscription, offsets committed by hand once their batch was handled.
 */
export class PlatformaticTransport implements Transport {
  readonly name = 'platformatic';
  private producer?: KafkaProducer;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly options: PlatformaticTransportOptions) {}

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    this.assertOpen();
    if (topics.length === 0) return;
    const names = topics.map((topic) => topic.name);
    const admin = new Admin({
      clientId: this.options.clientId,
      bootstrapBrokers: this.options.brokers,
      ...CLIENT_RETRY,
      retries: ADMIN_RETRIES,
    });
    try {
      // Kafka creates each topic on its own; those that already exist come back as errors, which are
      // no failure here: creating is idempotent for callers.
      await admin
        .createTopics({ topics: topics.map(({ name, partitions }) => ({ topic: name, partitions })) })
        .catch((error: unknown) => {
          if (!onlyTopicAlreadyExists(error)) throw error;
        });
      await waitForLeaders(names, () => leadersKnown(admin, names));
    } finally {
      await admin.close();
    }
  }

  async publisher(): Promise<Publisher> {
    this.assertOpen();
    // The client connects on its first send, so creating it here cannot fail on the network.
    this.producer ??= new Producer<string, Buffer, string, string>({
      clientId: this.options.clientId,
      bootstrapBrokers: this.options.brokers,
      ...CLIENT_RETRY,
      // Idempotence keeps the client's own retries from writing a message twice or out of order; the
      // client then also limits itself to one produce request in flight per connection.
      idempotent: true,
      acks: ProduceAcks.ALL,
      // Java's murmur2 partitioner, as kafkajs uses: the library's default keeps the sign bit of the
      // hash, so some keys would land on another partition than the one other clients choose.
      partitioner: compatibilityPartitioner,
      serializers: { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer },
    });
    return new PlatformaticPublisher(this.producer);
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription: PlatformaticSubscription = new PlatformaticSubscription(
      () =>
        new Consumer<string, Buffer, string, string>({
          clientId: this.options.clientId,
          groupId: options.groupId,
          bootstrapBrokers: this.options.brokers,
          deserializers: { key: stringDeserializer, headerKey: stringDeserializer, headerValue: stringDeserializer },
          ...CLIENT_RETRY,
          // See kafka-waits.ts: a killed member's partitions move after its session, not the client's minute.
          sessionTimeout: GROUP_SESSION_TIMEOUT_MS,
          rebalanceTimeout: GROUP_REBALANCE_TIMEOUT_MS,
          heartbeatInterval: GROUP_HEARTBEAT_INTERVAL_MS,
          // An idle fetch is held this long (the client's default is 5 s), and a stream notices a stop or
          // a new assignment only once it returns.
          maxWaitTime: FETCH_MAX_WAIT_MS,
        }),
      options,
      () => this.subscriptions.delete(subscription),
    );
    // Joins the group before resolving, so the subscription is live once consume() returns.
    await subscription.start();
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    const producer = this.producer;
    this.producer = undefined;
    await producer?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('PlatformaticTransport is closed');
  }
}

/** A handle on the transport's one producer: closing it stops this handle, the producer lives on. */
class PlatformaticPublisher implements Publisher {
  private closed = false;

  constructor(private readonly producer: KafkaProducer) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('Publisher is closed');
    if (messages.length === 0) return;
    // One call for all topics: the client groups the messages by leader and keeps their order per partition.
    await this.producer.send({
      messages: messages.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })),
      acks: ProduceAcks.ALL,
    });
  }

  // Sends already started finish on the shared producer and settle for their callers; nothing to wait for.
  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * Reads the stream, hands each partition's run of messages to `handle` and commits after it (in the
 * background, see commitInBackground). A
 * rejected batch is handed over again in place, so nothing behind it on its partition moves first. A
 * stream lost to an error (a rebalance that failed a commit, a broken fetch) is replaced by a new one,
 * which starts again at the committed offsets.
 */
class PlatformaticSubscription implements Subscription {
  private readonly stopping = new AbortController();
  private consumer: KafkaConsumer;
  /** Set when the client failed to rejoin the group: it then stops heartbeating and never tries again. */
  private groupLost = false;
  /** The group generation the current stream was opened in. */
  private generation = -1;
  private running?: Promise<void>;
  private stopped?: Promise<void>;
  private wake?: () => void;
  /** Per partition, the commits on their way (see commitInBackground); a stream is replaced after they settle. */
  private readonly committing = new Map<string, Promise<void>>();
  /** Per partition, the last handled message whose offset waits for the next commit. */
  private readonly nextCommits = new Map<string, KafkaMessage>();
  private commitFailed = false;

  constructor(
    private readonly newConsumer: () => KafkaConsumer,
    private readonly options: ConsumeOptions,
    private readonly onStopped: () => void,
  ) {
    this.consumer = this.createConsumer();
  }

  /** Joins the group with a first stream; rejects, with nothing left open, when that fails. */
  async start(): Promise<void> {
    let stream: KafkaStream;
    try {
      stream = await this.openStream();
    } catch (error) {
      await closeConsumer(this.consumer);
      throw error;
    }
    this.running = this.run(stream);
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping.abort();
      this.wake?.();
      try {
        // Ends with the stream closed (its commits flushed) and the group left.
        await this.running;
      } finally {
        this.onStopped();
      }
    })();
    return this.stopped;
  }

  /** Never rejects: every failure ends in a retry or, once stopping, in a return. */
  private async run(first: KafkaStream): Promise<void> {
    let stream: KafkaStream | undefined = first;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      if (this.groupLost) {
        // Only a new client joins again; it starts at the committed offsets like any new member.
        if (stream) await closeStream(stream);
        stream = undefined;
        await closeConsumer(this.consumer);
        this.consumer = this.createConsumer();
      }
      if (!stream) {
        try {
          stream = await this.openStream();
          failures = 0;
        } catch {
          if (!(await pause(retryDelay(failures++), this.stopping.signal))) break;
          continue;
        }
      }
      const messages = await this.take(stream);
      if (messages === undefined) {
        // The stream ended on an error; a new one resumes from the committed offsets.
        stream = undefined;
        if (!(await pause(retryDelay(failures++), this.stopping.signal))) break;
        continue;
      }
      failures = 0;
      const outcome = await this.deliverAll(messages);
      if (outcome === 'stopped') break;
      if (outcome === 'replace') {
        // The new stream is opened before the old one closes: the client rejoins its group (a rebalance
        // for every member) when its last stream on the topics closes, not while another one is open.
        const stale = stream;
        await this.commitsSettled();
        stream = await this.openStream().catch(() => undefined);
        await closeStream(stale);
      }
    }
    await this.commitsSettled();
    if (stream) await closeStream(stream);
    await closeConsumer(this.consumer);
  }

  /**
   * The messages buffered now (at least one); [] when stopping or the group is lost, undefined when
   * the stream is gone.
   */
  private async take(stream: KafkaStream): Promise<KafkaMessage[] | undefined> {
    for (;;) {
      if (this.stopping.signal.aborted || this.groupLost) return [];
      const messages: KafkaMessage[] = [];
      for (let message = readOne(stream); message !== null; message = readOne(stream)) messages.push(message);
      if (messages.length > 0) return messages;
      if (stream.destroyed || stream.readableEnded) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /**
   * Hands over each partition's run and commits after it, several partitions at once. 'replace' asks
   * for a new stream, which reads from the committed offsets, when what this one buffered can no
   * longer be trusted: after a rebalance (the client refetches from the committed offsets while the
   * old reads are still buffered, so they would come twice, and a partition given up here must not
   * see its later messages committed), or after a failed commit (the next commit would leave a gap
   * behind it; commits run in the background, so the batch after the failure asks).
   */
  private async deliverAll(messages: KafkaMessage[]): Promise<'done' | 'stopped' | 'replace'> {
    if (this.commitFailed) return 'replace';
    const outcomes = await eachAtOnce(byPartition(messages), PARTITIONS_HANDLED_AT_ONCE, (batch) =>
      this.deliverAndCommit(batch),
    );
    if (outcomes.includes('stopped')) return 'stopped';
    return outcomes.includes('replace') ? 'replace' : 'done';
  }

  private async deliverAndCommit(batch: KafkaMessage[]): Promise<'done' | 'stopped' | 'replace'> {
    // A batch not yet begun when the group rebalanced is left to whoever owns its partition now.
    if (this.consumer.generationId !== this.generation) return 'replace';
    const delivered = await this.deliver(batch);
    if (delivered === 'stopped') return 'stopped';
    if (delivered === 'revoked') return 'replace';
    this.commitInBackground(batch[batch.length - 1]);
    return this.stopping.signal.aborted ? 'stopped' : 'done';
  }

  /**
   * Hands the batch over until `handle` resolves. Gives up, with nothing committed, when the
   * subscription stops or a rebalance gives the partition to another member, which starts again at
   * this batch.
   */
  private async deliver(batch: KafkaMessage[]): Promise<'handled' | 'stopped' | 'revoked'> {
    const incoming = batch.map(toIncoming);
    const { topic, partition } = batch[0];
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.options.handle(incoming);
        return 'handled';
      } catch {
        if (!(await pause(retryDelay(attempt), this.stopping.signal))) return 'stopped';
        if (!this.owns(topic, partition)) return 'revoked';
      }
    }
  }

  /** True unless the latest assignment leaves the partition out; during a rejoin there is none to ask. */
  private owns(topic: string, partition: number): boolean {
    const assignments = this.consumer.assignments;
    if (!assignments) return true;
    return assignments.some((assignment) => assignment.topic === topic && assignment.partitions.includes(partition));
  }

  /**
   * Commits the offset after `last` without holding up the next batch, and at most once per
   * COMMIT_INTERVAL_MS per partition: a later offset asked for meanwhile replaces the one waiting. A
   * crash before a commit lands hands those messages over again, which the inbox recognises. A failed
   * commit has the stream replaced at the next batch, as a rebalance does.
   */
  private commitInBackground(last: KafkaMessage): void {
    const partition = `${last.topic}\u0000${last.partition}`;
    this.nextCommits.set(partition, last);
    if (this.committing.has(partition)) return;
    const commitNext = async (): Promise<void> => {
      for (let next = this.nextCommits.get(partition); next; next = this.nextCommits.get(partition)) {
        this.nextCommits.delete(partition);
        try {
          await next.commit();
        } catch {
          this.commitFailed = true;
        }
        if (!this.stopping.signal.aborted) await pause(COMMIT_INTERVAL_MS, this.stopping.signal);
      }
    };
    this.committing.set(
      partition,
      commitNext().finally(() => this.committing.delete(partition)),
    );
  }

  private async commitsSettled(): Promise<void> {
    while (this.committing.size > 0) await Promise.all(this.committing.values());
  }

  private createConsumer(): KafkaConsumer {
    const consumer = this.newConsumer();
    this.groupLost = false;
    // The client's only plain 'error' event: a rejoin after a failed heartbeat failed too. Without a
    // listener it would throw from inside the client and end the process.
    consumer.on('error', () => {
      if (consumer !== this.consumer) return;
      this.groupLost = true;
      this.wake?.();
    });
    return consumer;
  }

  private async openStream(): Promise<KafkaStream> {
    const stream = await this.consumer.consume({
      topics: this.options.topics,
      // From the group's committed offsets; a new group starts at the earliest message.
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: MessagesStreamFallbackModes.EARLIEST,
      autocommit: false,
    });
    const notify = (): void => this.wake?.();
    // A lasting 'readable' listener keeps the stream out of flowing mode and fetching ahead while a
    // batch is handled (it fetches only while someone listens); 'error' is only observed, the stream
    // then closes and is replaced.
    stream.on('readable', notify);
    stream.on('error', notify);
    stream.on('end', notify);
    stream.on('close', notify);
    this.commitFailed = false;
    // consume() resolves with the stream as it is created, after any join and before it reads.
    this.generation = this.consumer.generationId;
    return stream;
  }
}

function readOne(stream: KafkaStream): KafkaMessage | null {
  // Readable#read() is typed any; an object-mode messages stream yields one message or null.
  return stream.read() as KafkaMessage | null;
}

/** Splits what was read into runs of one partition each, keeping each partition's order. */
function byPartition(messages: KafkaMessage[]): KafkaMessage[][] {
  const runs = new Map<string, KafkaMessage[]>();
  for (const message of messages) {
    const id = `${message.topic}\u0000${message.partition}`;
    let run = runs.get(id);
    if (!run) runs.set(id, (run = []));
    run.push(message);
  }
  return [...runs.values()];
}

function toIncoming(message: KafkaMessage): IncomingMessage {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset.toString(),
    // A record without key or value reaches the deserializers as undefined.
    key: message.key ?? null,
    value: message.value ?? Buffer.alloc(0),
    headers: toHeaders(message.headers),
  };
}

function toHeaders(headers: Map<string, string>): Headers {
  const result: Headers = {};
  // A repeated header keeps its last value (the Map keeps the last set), as Kafka's lastHeader() does;
  // a header without a value reaches the deserializer as undefined and is left out, as kafkajs does.
  for (const [name, value] of headers) if (value !== undefined) result[name] = value;
  return result;
}

/** True when every error inside `error` says a topic already exists. */
function onlyTopicAlreadyExists(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every((inner: unknown) => onlyTopicAlreadyExists(inner));
  }
  return (error as Error & { apiId?: unknown }).apiId === 'TOPIC_ALREADY_EXISTS';
}

/** Whether every partition of `topics` has a leader, as the client's (refreshed) metadata says. */
async function leadersKnown(admin: Admin, topics: string[]): Promise<boolean> {
  const metadata = await admin.metadata({ topics, forceUpdate: true }).catch(() => undefined);
  return topics.every((name) => {
    const topic = metadata?.topics.get(name);
    return topic !== undefined && topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0);
  });
}

async function closeStream(stream: KafkaStream): Promise<void> {
  // Flushes the commits still queued; an error here only means the stream was already gone.
  await stream.close().catch(() => undefined);
}

async function closeConsumer(consumer: KafkaConsumer): Promise<void> {
  // Leaves the group, closing any stream still open; a failure leaves the group to expire the member.
  await consumer.close(true).catch(() => undefined);
}
