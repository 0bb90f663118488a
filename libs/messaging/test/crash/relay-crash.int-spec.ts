// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import type { Pool } from 'pg';
import type { EventStore } from '@lintas/event-store/event-store';
import { eventually } from '@lintas/testing/eventually';
import { guardChild } from '@lintas/testing/infra/process-guardian';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import type { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { createTransport, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { Transport } from '@lintas/messaging/transport/transport';
import { CrashChild } from './crash-child';
import {
  appendNotes,
  CLIENT_CRASH_SESSION,
  clientCrashUrl,
  outboxSize,
  outOfOrder,
  stillInOutbox,
  tally,
  TopicReader,
  topicSize,
  writtenIds,
  openCrashPipeline,
} from './crash-fixture';
import { countEffects, readEffects } from './effects';

const infra = useRealInfrastructure();

const PERSONS = 8;
const NOTES_EACH = 250;
const WRITTEN = PERSONS * NOTES_EACH;
/** Small batches: many sends and deletes, so that a kill at any moment may well land between them. */
const BATCH_SIZE = 10;

describe.each<TransportKind>(['platformatic', 'pg-log'])('an outbox relay killed mid-batch, over %s', (kind) => {
  const suffix = kind.replace('-', '_');
  const writerSchema = `relay_crash_writer_${suffix}`;
  const inboxSchema = `relay_crash_reader_${suffix}`;
  let pool: Pool;
  let transport: Transport;
  let store: EventStore;
  let consumer: InboxConsumer;
  let topic: string;
  const relays: CrashChild[] = [];

  const startRelay = (options: { parkAfterBatches?: number; batchSize?: number; hold?: boolean } = {}): CrashChild => {
    const name = `relay-${relays.length + 1}`;
    const relay = CrashChild.start(
      'relay-process.ts',
      name,
      {
        DATABASE_URL: clientCrashUrl(infra.databaseUrl),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TRANSPORT: kind,
        SCHEMA: writerSchema,
        CLIENT_ID: `${name}-${kind}`,
        BATCH_SIZE: String(options.batchSize ?? BATCH_SIZE),
        ...(options.parkAfterBatches ? { PARK_AFTER_BATCHES: String(options.parkAfterBatches) } : {}),
      },
      { guard: guardChild, hold: options.hold },
    );
    relays.push(relay);
    return relay;
  };

  beforeAll(async () => {
    pool = infra.createPool({ ...CLIENT_CRASH_SESSION, max: 10 });
    topic = infra.topics.name(`relay-crash-${kind}`);
    const deadLetterTopic = infra.topics.name(`relay-crash-dead-letters-${kind}`);
    transport = createTransport(kind, { brokers: infra.kafkaBrokers, clientId: `relay-crash-${kind}`, pool });
    ({ store, consumer } = await openCrashPipeline(pool, transport, {
      topic,
      deadLetterTopic,
      writerSchema,
      inboxSchema,
      groupId: `relay-crash-reader-${kind}`,
    }));
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await consumer?.stop();
    await transport?.close();
    await store?.close();
  });

  it('publishes every event at least once and applies each exactly once across two kills', async () => {
    const appender = appendNotes(store, { persons: PERSONS, notesEach: NOTES_EACH });

    // First kill, placed exactly: the broker acknowledged the fifth batch and the relay has not deleted
    // it. A standby replica is already waiting for the outbox's lock, as a second pod would be; it
    // joins once the first leads. The relay that comes after both is loaded now and held (see holdUntilGo).
    const first = startRelay({ parkAfterBatches: 5 });
    const standby = startRelay({ hold: true });
    const restarted = startRelay({ hold: true, batchSize: 100 });
    await first.waitFor('acked');
    await standby.go();
    const parked = await first.waitFor('parked');
    await standby.waitFor('ready');
    expect(await stillInOutbox(pool, writerSchema, parked.ids)).toBe(parked.ids.length);
    expect(standby.reports('acked')).toEqual([]);
    // Every note written while the parked relay holds the outbox: the standby then leads with all the
    // rest before it, so that work is left over at its kill. Were the appender still writing, a relay
    // keeping pace with it could have emptied the outbox at that moment (CI saw it once).
    await appender.done;
    expect(await outboxSize(pool, writerSchema)).toBeGreaterThan(WRITTEN / 2);
    expect(await first.kill()).toMatchObject({ signal: 'SIGKILL' });

    // Second kill, anywhere: once the standby, now leading, has shipped a good part; work is left over.
    await standby.waitFor('acked', (r) => r.total >= WRITTEN / 4);
    expect(await standby.kill()).toMatchObject({ signal: 'SIGKILL' });
    expect(await outboxSize(pool, writerSchema)).toBeGreaterThan(0);
    const appliedAtSecondKill = await countEffects(pool, inboxSchema);
    expect(appliedAtSecondKill).toBeLessThan(WRITTEN);

    // No relay runs now. A new one, started as a supervisor restarts a crashed process, finishes the work.
    await restarted.go();
    const written = await writtenIds(pool, writerSchema);
    expect(written).toHaveLength(WRITTEN);
    await eventually(
      () => countEffects(pool, inboxSchema),
      (n) => n >= WRITTEN,
      { timeoutMs: 30_000 },
    );
    await eventually(
      () => outboxSize(pool, writerSchema),
      (n) => n === 0,
    );

    // Applied exactly once in effect, and in each person's order.
    const effects = await readEffects(pool, inboxSchema);
    const applied = effects.map((e) => e.eventId);
    expect(tally(written, applied)).toEqual({ missing: [], repeated: [], unknown: [] });
    expect(outOfOrder(effects, appender.persons)).toEqual([]);

    // The topic itself: nothing missing; the parked batch went out twice, its second copy from the next relay.
    const size = await topicSize(kind, topic, { brokers: infra.kafkaBrokers, pool });
    const reader = await TopicReader.open(transport, topic);
    await eventually(
      async () => reader.received,
      (n) => n >= size,
    );
    await reader.stop();
    const onTopic = tally(written, reader.seen());
    expect(onTopic.missing).toEqual([]);
    expect(onTopic.unknown).toEqual([]);
    const twice = new Set(onTopic.repeated.map((r) => r.id));
    expect(parked.ids.filter((id) => !twice.has(id))).toEqual([]);
    expect(reader.received).toBe(size);
    process.stdout.write(
      `[relay crash over ${kind}] ${WRITTEN} written, ${size} on the topic ` +
        `(${onTopic.repeated.length} ids more than once), applied once each; ` +
        `${appliedAtSecondKill} applied at the second kill\n`,
    );
  }, 90_000);
});
