import { randomUUID } from 'node:crypto';
import {
  PARTITIONS_HANDLED_AT_ONCE,
  type IncomingMessage,
  type OutgoingMessage,
  type Transport,
} from '@lintas/messaging/transport/transport';

/**
 * The behaviour every transport adapter must show, as one suite that each adapter's integration
 * test runs against its own real backend (Kafka or PostgreSQL). `topicName` gives a name unique to
 * the test file; `open` builds a fresh transport (a "process") each time it is called.
 */
export function describeTransportContract(
  adapter: string,
  setup: () => { open(): Promise<Transport>; topicName(name: string): string },
): void {
  describe(`${adapter} transport`, () => {
    const context = setup();
    const opened: Transport[] = [];
    const open = async () => {
      const transport = await context.open();
      opened.push(transport);
      return transport;
    };
    afterAll(() => Promise.all(opened.map((t) => t.close())));

    const message = (topic: string, key: string, n: number): OutgoingMessage => ({
      topic,
      key,
      value: Buffer.from(JSON.stringify({ key, n })),
      headers: { ce_id: `${key}-${n}`, ce_type: 'id.lintas.test.v1' },
    });

    /** Consumes until `count` messages arrived (or 30 s passed); resolves with them. */
    async function collect(
      transport: Transport,
      topic: string,
      groupId: string,
      count: number,
      handle?: (batch: IncomingMessage[]) => Promise<void>,
    ): Promise<{ received: IncomingMessage[]; stop: () => Promise<void> }> {
      const received: IncomingMessage[] = [];
      let done: () => void = () => undefined;
      const enough = new Promise<void>((resolve) => (done = resolve));
      const subscription = await transport.consume({
        groupId,
        topics: [topic],
        handle: async (batch) => {
          await handle?.(batch);
          received.push(...batch);
          if (received.length >= count) done();
        },
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([enough, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
      clearTimeout(timer);
      return { received, stop: () => subscription.stop() };
    }

    it('delivers what was published, with its key, value and headers', async () => {
      const transport = await open();
      const topic = context.topicName(`roundtrip-${randomUUID().slice(0, 8)}`);
      await transport.createTopics([{ name: topic, partitions: 3 }]);
      const publisher = await transport.publisher();
      await publisher.send([message(topic, 'person-a', 1), message(topic, 'person-b', 1)]);
      await publisher.close();

      const { received, stop } = await collect(transport, topic, `g-${randomUUID()}`, 2);
      await stop();
      expect(received.map((m) => ({ key: m.key, value: JSON.parse(m.value.toString()), headers: m.headers }))).toEqual(
        expect.arrayContaining([
          {
            key: 'person-a',
            value: { key: 'person-a', n: 1 },
            headers: { ce_id: 'person-a-1', ce_type: 'id.lintas.test.v1' },
          },
          {
            key: 'person-b',
            value: { key: 'person-b', n: 1 },
            headers: { ce_id: 'person-b-1', ce_type: 'id.lintas.test.v1' },
          },
        ]),
      );
      for (const m of received) expect(m.topic).toBe(topic);
    });

    it('keeps the order of each key', async () => {
      const transport = await open();
      const topic = context.topicName(`order-${randomUUID().slice(0, 8)}`);
      await transport.createTopics([{ name: topic, partitions: 3 }]);
      const publisher = await transport.publisher();
      const keys = Array.from({ length: 12 }, (_, i) => `person-${i}`);
      for (let n = 1; n <= 10; n += 1) await publisher.send(keys.map((key) => message(topic, key, n)));
      await publisher.close();

      const { received, stop } = await collect(transport, topic, `g-${randomUUID()}`, 120);
      await stop();
      expect(received).toHaveLength(120);
      for (const key of keys) {
        const ns = received
          .filter((m) => m.key === key)
          .map((m) => (JSON.parse(m.value.toString()) as { n: number }).n);
        expect(ns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }
    });

    it('handles several partitions at once, never one partition twice at once, each in order', async () => {
      const transport = await open();
      const topic = context.topicName(`parallel-${randomUUID().slice(0, 8)}`);
      await transport.createTopics([{ name: topic, partitions: 6 }]);
      const publisher = await transport.publisher();
      const keys = Array.from({ length: 24 }, (_, i) => `person-${i}`);
      for (let n = 1; n <= 3; n += 1) await publisher.send(keys.map((key) => message(topic, key, n)));
      await publisher.close();

      const inHand = new Map<number, number>();
      let most = 0;
      let mostOfOnePartition = 0;
      const { received, stop } = await collect(transport, topic, `g-${randomUUID()}`, 72, async (batch) => {
        const partition = batch[0]?.partition ?? -1;
        inHand.set(partition, (inHand.get(partition) ?? 0) + 1);
        mostOfOnePartition = Math.max(mostOfOnePartition, inHand.get(partition) ?? 0);
        most = Math.max(
          most,
          [...inHand.values()].reduce((sum, count) => sum + count, 0),
        );
        // Long enough that batches read together overlap if they are handled together.
        await new Promise((resolve) => setTimeout(resolve, 100));
        inHand.set(partition, (inHand.get(partition) ?? 1) - 1);
      });
      await stop();
      expect(received).toHaveLength(72);
      expect(mostOfOnePartition).toBe(1);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(PARTITIONS_HANDLED_AT_ONCE);
      for (const key of keys) {
        const ns = received
          .filter((m) => m.key === key)
          .map((m) => (JSON.parse(m.value.toString()) as { n: number }).n);
        expect(ns).toEqual([1, 2, 3]);
      }
    });

    it('delivers a batch again when its handler fails, and commits nothing past it', async () => {
      const transport = await open();
      const topic = context.topicName(`retry-${randomUUID().slice(0, 8)}`);
      await transport.createTopics([{ name: topic, partitions: 1 }]);
      const publisher = await transport.publisher();
      await publisher.send([message(topic, 'k', 1), message(topic, 'k', 2), message(topic, 'k', 3)]);
      await publisher.close();

      let failures = 0;
      const { received, stop } = await collect(transport, topic, `g-${randomUUID()}`, 3, async (batch) => {
        if (failures < 2 && batch.some((m) => m.headers.ce_id === 'k-2')) {
          failures += 1;
          throw new Error('transient');
        }
      });
      await stop();
      expect(failures).toBe(2);
      const ids = received.map((m) => m.headers.ce_id);
      expect(ids.filter((id) => id === 'k-2')).toHaveLength(1);
      expect(ids.slice(-2)).toEqual(['k-2', 'k-3']);
    });

    it('resumes a group after its committed offset, in another process', async () => {
      const topic = context.topicName(`resume-${randomUUID().slice(0, 8)}`);
      const groupId = `g-${randomUUID()}`;
      const first = await open();
      await first.createTopics([{ name: topic, partitions: 2 }]);
      const publisher = await first.publisher();
      await publisher.send([1, 2, 3, 4].map((n) => message(topic, `k${n % 2}`, n)));
      const before = await collect(first, topic, groupId, 4);
      await before.stop();

      await publisher.send([5, 6].map((n) => message(topic, `k${n % 2}`, n)));
      await publisher.close();
      const second = await open();
      const after = await collect(second, topic, groupId, 2);
      await after.stop();
      expect(after.received.map((m) => m.headers.ce_id).sort()).toEqual(['k0-6', 'k1-5']);
    });

    it('gives every group all messages', async () => {
      const transport = await open();
      const topic = context.topicName(`groups-${randomUUID().slice(0, 8)}`);
      await transport.createTopics([{ name: topic, partitions: 2 }]);
      const publisher = await transport.publisher();
      await publisher.send([message(topic, 'a', 1), message(topic, 'b', 1), message(topic, 'c', 1)]);
      await publisher.close();
      const [one, two] = await Promise.all([
        collect(transport, topic, `g-${randomUUID()}`, 3),
        collect(transport, topic, `g-${randomUUID()}`, 3),
      ]);
      await Promise.all([one.stop(), two.stop()]);
      expect(one.received).toHaveLength(3);
      expect(two.received).toHaveLength(3);
    });
  });
}
