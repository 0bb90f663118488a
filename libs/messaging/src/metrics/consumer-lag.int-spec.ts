import { randomUUID } from 'node:crypto';
import { eventually } from '@lintas/testing/eventually';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { KafkajsTransport } from '../transport/kafkajs/kafkajs-transport';
import { PgLogTransport } from '../transport/pg-log/pg-log-transport';
import type { Transport } from '../transport/transport';
import type { ConsumerLagReader, PartitionLag, WatchedTopic } from './consumer-lag';
import { KafkaConsumerLag } from './kafka-consumer-lag';
import { PgLogConsumerLag } from './pg-log-consumer-lag';

const infra = useRealInfrastructure();

interface Setup {
  transport(): Transport;
  reader(groupId: string, topics: WatchedTopic[]): ConsumerLagReader;
}

const total = (lag: PartitionLag[] | undefined) => (lag ?? []).reduce((sum, partition) => sum + partition.messages, 0);

/**
 * A reading, taken again while it fails: on a fresh cluster the first look-up of a group waits for
 * Kafka to create its offsets topic, which a scrape would simply miss.
 */
const reading = (reader: ConsumerLagReader) => () => reader.read().catch(() => undefined);

describe.each<[string, () => Setup]>([
  [
    'Kafka',
    () => ({
      transport: () => new KafkajsTransport({ brokers: infra.kafkaBrokers, clientId: 'lag-test' }),
      reader: (groupId, topics) => new KafkaConsumerLag(infra.kafkaBrokers, 'lag-test', groupId, topics),
    }),
  ],
  [
    'the PostgreSQL log',
    () => {
      const pool = infra.createPool();
      return {
        transport: () => new PgLogTransport({ pool }),
        reader: (groupId, topics) => new PgLogConsumerLag(pool, groupId, topics),
      };
    },
  ],
])('consumer lag on %s', (_, setUp) => {
  it('counts every message of every partition for a group that has read nothing, and none once it caught up', async () => {
    const setup = setUp();
    const transport = setup.transport();
    const topic: WatchedTopic = { name: 'lintas.probe.events', stored: infra.topics.name(`lag-${randomUUID()}`) };
    const groupId = `lintas.lag-${randomUUID()}`;
    const reader = setup.reader(groupId, [topic]);
    try {
      await transport.createTopics([{ name: topic.stored, partitions: 3 }]);
      const publisher = await transport.publisher();
      await publisher.send(
        Array.from({ length: 7 }, (_, i) => ({
          topic: topic.stored,
          key: `person-${i}`,
          value: Buffer.from('{}'),
          headers: {},
        })),
      );
      await publisher.close();

      const before = (await eventually(reading(reader), (lag) => lag !== undefined)) ?? [];
      expect(before.map(({ topic, partition }) => [topic, partition])).toEqual([
        ['lintas.probe.events', 0],
        ['lintas.probe.events', 1],
        ['lintas.probe.events', 2],
      ]);
      expect(total(before)).toBe(7);

      const subscription = await transport.consume({ groupId, topics: [topic.stored], handle: async () => undefined });
      try {
        const after = await eventually(reading(reader), (lag) => lag !== undefined && total(lag) === 0, {
          timeoutMs: 30_000,
        });
        expect(after).toHaveLength(3);
      } finally {
        await subscription.stop();
      }
    } finally {
      await reader.close();
      await transport.close();
    }
  });
});
