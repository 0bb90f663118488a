import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { ConsumerLagReader, PartitionLag, WatchedTopic } from './consumer-lag';

/** A scrape must not wait long for a broker that does not answer: it then shows no lag rather than hang. */
const REQUEST_TIMEOUT_MS = 2_000;
const CONNECTION_TIMEOUT_MS = 1_000;

/**
 * A group's lag on Kafka, whichever Kafka client the transport uses: the group's committed offsets
 * against each partition's end, through an admin client of its own. A partition the group never
 * committed counts from its earliest message, where a new group starts reading.
 */
export class KafkaConsumerLag implements ConsumerLagReader {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(
    brokers: string[],
    clientId: string,
    private readonly groupId: string,
    private readonly topics: readonly WatchedTopic[],
  ) {
    this.admin = new Kafka({
      clientId: `${clientId}-metrics`,
      brokers,
      // Services log JSON only: kafkajs' own text lines must not reach stdout.
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 200 },
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
    }).admin();
  }

  async read(): Promise<PartitionLag[]> {
    try {
      await (this.connected ??= this.admin.connect());
      const stored = this.topics.map((topic) => topic.stored);
      // The ends first: asking for them loads the topics' metadata, which finding the group's
      // coordinator needs on a fresh connection.
      const ends = await Promise.all(stored.map((topic) => this.admin.fetchTopicOffsets(topic)));
      const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics: stored });
      return this.topics.flatMap((topic, i) => {
        const offsets = committed.find((entry) => entry.topic === topic.stored)?.partitions ?? [];
        const partitions = [...(ends[i] ?? [])].sort((a, b) => a.partition - b.partition);
        return partitions.map(({ partition, high, low }) => {
          const offset = BigInt(offsets.find((entry) => entry.partition === partition)?.offset ?? '-1');
          const from = offset < 0n ? BigInt(low) : offset;
          const behind = BigInt(high) - from;
          return { topic: topic.name, partition, messages: Number(behind > 0n ? behind : 0n) };
        });
      });
    } catch (error) {
      // The next scrape connects afresh: the broker may have gone, or moved.
      this.connected = undefined;
      await this.admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.connected = undefined;
    await this.admin.disconnect();
  }
}
