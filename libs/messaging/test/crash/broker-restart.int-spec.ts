// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import type { Pool } from 'pg';
import type { EventStore } from '@lintas/event-store/event-store';
import { eventually } from '@lintas/testing/eventually';
import { startLocalKafka, type LocalKafka } from '@lintas/testing/infra/kafka-local';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import type { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { createTransport, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { Transport } from '@lintas/messaging/transport/transport';
import {
  type Appender,
  appendNotes,
  CLIENT_CRASH_SESSION,
  outboxSize,
  outOfOrder,
  tally,
  TopicReader,
  topicSize,
  writtenIds,
  openCrashPipeline,
} from './crash-fixture';
import { countEffects, readEffects } from './effects';

const infra = useRealInfrastructure();

/** Notes that must be written while no broker answers, to prove the writer never depends on it. */
const WRITTEN_WHILE_DOWN = 50;

// Only Kafka has a broker to restart; the log transport lives and dies with PostgreSQL.
describe.each<TransportKind>(['platformatic'])('a Kafka broker restarted mid-stream, over %s', (kind) => {
  const suffix = kind.replace('-', '_');
  const writerSchema = `broker_restart_writer_${suffix}`;
  const inboxSchema = `broker_restart_reader_${suffix}`;
  const brokerLog: string[] = [];
  const relayErrors: unknown[] = [];
  const consumerErrors: unknown[] = [];
  // A broker of this file's own: restarting the run's shared one would disturb every other test file.
  let kafka: LocalKafka;
  let pool: Pool;
  let transport: Transport;
  let store: EventStore;
  let relay: OutboxRelay;
  let consumer: InboxConsumer;
  let appender: Appender | undefined;
  const topic = `broker-restart-${kind}`;

  beforeAll(async () => {
    kafka = await startLocalKafka({ log: (line) => void brokerLog.push(line) });
    pool = infra.createPool({ ...CLIENT_CRASH_SESSION, max: 10 });
    transport = createTransport(kind, { brokers: [kafka.brokers], clientId: `broker-restart-${kind}`, pool });
    const deadLetterTopic = `${topic}-dead-letters`;
    ({ store, consumer } = await openCrashPipeline(pool, transport, {
      topic,
      deadLetterTopic,
      writerSchema,
      inboxSchema,
      groupId: `broker-restart-reader-${kind}`,
    }));
    relay = new OutboxRelay(pool, transport, {
      schema: writerSchema,
      wakeOn: store.appended,
      onError: (error) => void relayErrors.push(error),
    });
    relay.start();
  }, 60_000);

  afterAll(async () => {
    appender?.stop();
    await appender?.done;
    await consumer?.stop();
    await relay?.stop();
    await transport?.close();
    await store?.close();
    await kafka?.stop();
  }, 30_000);

  it('carries on once the broker is back, applying every event written before, during and after once', async () => {
    // Paced to a rate the consumer keeps up with, so that catching up measures recovery, not throughput.
    appender = appendNotes(store, { persons: 6, pauseMs: 50 });
    const writing = appender;
    await eventually(
      () => countEffects(pool, inboxSchema),
      (n) => n >= 100,
    );

    let outboxWhileDown = 0;
    await kafka.restart({
      whileDown: async () => {
        const atStop = writing.appended;
        await eventually(
          async () => writing.appended,
          (n) => n >= atStop + WRITTEN_WHILE_DOWN,
        );
        outboxWhileDown = await outboxSize(pool, writerSchema);
      },
    });
    const appendedWhenBack = writing.appended;
    // Nothing could leave while the broker was down: what was written then waited in the outbox.
    expect(outboxWhileDown).toBeGreaterThanOrEqual(WRITTEN_WHILE_DOWN);

    // Relay and consumer find the broker again by themselves: everything written until it came back gets applied.
    await eventually(
      () => countEffects(pool, inboxSchema),
      (n) => n >= appendedWhenBack,
      { timeoutMs: 30_000 },
    );
    writing.stop();
    await writing.done;

    const written = await writtenIds(pool, writerSchema);
    expect(written).toHaveLength(writing.appended);
    await eventually(
      () => countEffects(pool, inboxSchema),
      (n) => n >= written.length,
      { timeoutMs: 30_000 },
    );
    await eventually(
      () => outboxSize(pool, writerSchema),
      (n) => n === 0,
    );
    const effects = await readEffects(pool, inboxSchema);
    const applied = effects.map((e) => e.eventId);
    expect(tally(written, applied)).toEqual({ missing: [], repeated: [], unknown: [] });
    expect(outOfOrder(effects, writing.persons)).toEqual([]);

    // A send cut off by the shutdown may have reached the broker and been sent again: duplicates are
    // allowed there, gaps are not.
    const size = await topicSize(kind, topic, { brokers: [kafka.brokers], pool });
    const reader = await TopicReader.open(transport, topic);
    await eventually(
      async () => reader.received,
      (n) => n >= size,
    );
    await reader.stop();
    const onTopic = tally(written, reader.seen());
    expect(onTopic.missing).toEqual([]);
    expect(onTopic.unknown).toEqual([]);
    process.stdout.write(
      `[broker restart over ${kind}] ${written.length} written (${WRITTEN_WHILE_DOWN}+ while down, ` +
        `${outboxWhileDown} waiting in the outbox then), ${size} on the topic, each applied once; ` +
        `${relayErrors.length} relay errors, ${consumerErrors.length} consumer errors on the way\n`,
    );
  }, 90_000);
});
