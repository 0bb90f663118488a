import { randomUUID } from 'node:crypto';
// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import type { Pool } from 'pg';
import type { EventStore } from '@lintas/event-store/event-store';
import { eventually, eventuallyExpect } from '@lintas/testing/eventually';
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

describe.each<TransportKind>(['platformatic', 'pg-log'])('two relays on one outbox at once, over %s', (kind) => {
  const suffix = kind.replace('-', '_');
  const writerSchema = `two_relays_writer_${suffix}`;
  const inboxSchema = `two_relays_reader_${suffix}`;
  let pool: Pool;
  let transport: Transport;
  let store: EventStore;
  let consumer: InboxConsumer;
  let topic: string;
  const relays: CrashChild[] = [];

  const startRelay = (name: string): CrashChild => {
    const relay = CrashChild.start(
      'relay-process.ts',
      name,
      {
        DATABASE_URL: clientCrashUrl(infra.databaseUrl),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TRANSPORT: kind,
        SCHEMA: writerSchema,
        CLIENT_ID: `${name}-${kind}`,
        BATCH_SIZE: '10',
      },
      { guard: guardChild },
    );
    relays.push(relay);
    return relay;
  };

  /** The relays whose sessions are connected to this database now, by application_name. */
  const connectedRelays = async (): Promise<string[]> => {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'relay-%' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  };

  beforeAll(async () => {
    pool = infra.createPool({ ...CLIENT_CRASH_SESSION, max: 10 });
    topic = infra.topics.name(`two-relays-${kind}`);
    const deadLetterTopic = infra.topics.name(`two-relays-dead-letters-${kind}`);
    transport = createTransport(kind, { brokers: infra.kafkaBrokers, clientId: `two-relays-${kind}`, pool });
    ({ store, consumer } = await openCrashPipeline(pool, transport, {
      topic,
      deadLetterTopic,
      writerSchema,
      inboxSchema,
      groupId: `two-relays-reader-${kind}`,
    }));
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await consumer?.stop();
    await transport?.close();
    await store?.close();
  });

  it('publishes every event exactly once, also across a hand-over, and applies each once', async () => {
    const [a, b] = [startRelay('relay-a'), startRelay('relay-b')];
    // The first half is written while both run; the second only once the leader has stopped, so the
    // standby always has work, however fast the leader ships.
    const persons = Array.from({ length: PERSONS }, () => randomUUID());
    const half = NOTES_EACH / 2;
    const firstHalf = appendNotes(store, { persons, notesEach: half, pauseMs: 4 });
    // Both relays run against the outbox at once before either is stopped.
    expect(await eventually(connectedRelays, (names) => names.length === 2)).toEqual([
      `relay-a-${kind}`,
      `relay-b-${kind}`,
    ]);

    // Normal operation includes a hand-over: the relay that leads is stopped (SIGTERM, not a crash) half-way.
    const leader = await Promise.any([a, b].map((relay) => relay.waitFor('acked', (r) => r.total >= WRITTEN / 2)));
    const [first, standby] = a.reports('acked').some((r) => r === leader) ? [a, b] : [b, a];
    expect(standby.reports('acked')).toEqual([]);
    expect(await first.stop()).toMatchObject({ code: 0 });
    await firstHalf.done;

    await appendNotes(store, { persons, from: half + 1, notesEach: half, pauseMs: 4 }).done;
    const written = await writtenIds(pool, writerSchema);
    expect(written).toHaveLength(WRITTEN);
    await eventually(
      () => outboxSize(pool, writerSchema),
      (n) => n === 0,
      { timeoutMs: 30_000 },
    );
    const shipped = (relay: CrashChild) => relay.reports('acked').at(-1)?.total ?? 0;
    // A relay reports an acknowledged batch on its stdout before it deletes the rows, but this process
    // may read that line after it has seen the outbox empty: wait for the reports to arrive.
    await eventuallyExpect(
      async () => [shipped(first), shipped(standby)],
      ([byFirst, byStandby]) => {
        expect(byStandby).toBeGreaterThan(0);
        expect(byFirst + byStandby).toBe(WRITTEN);
      },
      { timeoutMs: 10_000 },
    );

    // On the topic: each CloudEvent exactly once.
    const size = await topicSize(kind, topic, { brokers: infra.kafkaBrokers, pool });
    const reader = await TopicReader.open(transport, topic);
    await eventually(
      async () => reader.received,
      (n) => n >= size,
    );
    await reader.stop();
    expect(tally(written, reader.seen())).toEqual({ missing: [], repeated: [], unknown: [] });
    expect(reader.received).toBe(WRITTEN);

    // And applied once each, in each person's order.
    await eventually(
      () => countEffects(pool, inboxSchema),
      (n) => n >= WRITTEN,
    );
    const effects = await readEffects(pool, inboxSchema);
    const applied = effects.map((e) => e.eventId);
    expect(tally(written, applied)).toEqual({ missing: [], repeated: [], unknown: [] });
    expect(outOfOrder(effects, persons)).toEqual([]);
    process.stdout.write(
      `[two relays over ${kind}] ${first.name} shipped ${shipped(first)}, then ${standby.name} ${shipped(standby)}; ` +
        `${reader.received} on the topic, each once\n`,
    );
  }, 90_000);
});
