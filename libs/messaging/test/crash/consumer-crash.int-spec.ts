// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { eventually } from '@lintas/testing/eventually';
import { guardChild } from '@lintas/testing/infra/process-guardian';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { createTransport, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { Transport } from '@lintas/messaging/transport/transport';
import { NOTE_DEFINITIONS, notePublications } from '../test-contracts';
import { CrashChild } from './crash-child';
import {
  appendNotes,
  behindCommittedOffset,
  CLIENT_CRASH_SESSION,
  clientCrashUrl,
  evictMembers,
  outOfOrder,
  tally,
  writtenIds,
} from './crash-fixture';
import { countEffects, createEffectsTable, readEffects } from './effects';

const infra = useRealInfrastructure();

const PERSONS = 8;
const NOTES_BEFORE = 200;
const NOTES_AFTER = 50;
const WRITTEN = PERSONS * (NOTES_BEFORE + NOTES_AFTER);

describe.each<TransportKind>(['platformatic', 'kafkajs', 'pg-log'])(
  'an inbox consumer killed between its database commit and its offset commit, over %s',
  (kind) => {
    const suffix = kind.replace('-', '_');
    const writerSchema = `consumer_crash_writer_${suffix}`;
    const inboxSchema = `consumer_crash_reader_${suffix}`;
    const groupId = `consumer-crash-reader-${kind}`;
    let pool: Pool;
    let transport: Transport;
    let store: EventStore;
    let relay: OutboxRelay;
    let topic: string;
    let deadLetterTopic: string;
    const consumers: CrashChild[] = [];

    const startConsumer = (chosenId: string, options: { kill: boolean; hold?: boolean }): CrashChild => {
      const name = `consumer-${consumers.length + 1}`;
      const consumer = CrashChild.start(
        'consumer-process.ts',
        name,
        {
          DATABASE_URL: clientCrashUrl(infra.databaseUrl),
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          TRANSPORT: kind,
          CLIENT_ID: `${name}-${kind}`,
          GROUP_ID: groupId,
          TOPIC: topic,
          DEAD_LETTER_TOPIC: deadLetterTopic,
          INBOX_SCHEMA: inboxSchema,
          CHOSEN_ID: chosenId,
          KILL_AFTER_CHOSEN: options.kill ? '1' : '0',
        },
        { guard: guardChild, hold: options.hold },
      );
      consumers.push(consumer);
      return consumer;
    };

    beforeAll(async () => {
      pool = infra.createPool({ ...CLIENT_CRASH_SESSION, max: 10 });
      topic = infra.topics.name(`consumer-crash-${kind}`);
      deadLetterTopic = infra.topics.name(`consumer-crash-dead-letters-${kind}`);
      transport = createTransport(kind, { brokers: infra.kafkaBrokers, clientId: `consumer-crash-${kind}`, pool });
      await transport.createTopics([
        { name: topic, partitions: 3 },
        { name: deadLetterTopic, partitions: 1 },
      ]);
      store = await EventStore.open(pool, {
        registry: new EventRegistry(NOTE_DEFINITIONS),
        schema: writerSchema,
        integration: integrationMapper('/lintas/crash-writer', notePublications(topic)),
      });
      relay = new OutboxRelay(pool, transport, { schema: writerSchema, wakeOn: store.appended });
      relay.start();
      await createEffectsTable(pool, inboxSchema);
    });

    afterAll(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay?.stop();
      await transport?.close();
      await store?.close();
    });

    it('applies the event it died after exactly once, and every other event once', async () => {
      // The note to die after is named beforehand, well inside the stream: offsets are committed
      // before it and work remains after it.
      const persons = Array.from({ length: PERSONS }, () => randomUUID());
      const chosenId = randomUUID();
      const eventId = (personId: string, n: number) => (personId === persons[3] && n === 80 ? chosenId : undefined);

      // The consumer starts while most notes are written; the rest come while it lies dead.
      const first = startConsumer(chosenId, { kill: true });
      // The replacement is loaded now and held before it connects anywhere (see holdUntilGo).
      const second = startConsumer(chosenId, { kill: false, hold: true });
      await appendNotes(store, { persons, notesEach: NOTES_BEFORE, eventId }).done;
      const chosen = await first.waitFor('handled-chosen');
      expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });

      // The window: the chosen event's effect is committed, the offset past it is not.
      const effectsOfChosen = async () => (await readEffects(pool, inboxSchema)).filter((e) => e.eventId === chosenId);
      expect(await effectsOfChosen()).toHaveLength(1);
      const where = { topic, partition: chosen.partition, offset: chosen.offset, groupId };
      expect(await behindCommittedOffset(kind, where, { brokers: infra.kafkaBrokers, pool })).toBe(true);
      const appliedAtKill = await countEffects(pool, inboxSchema);

      await appendNotes(store, { persons, from: NOTES_BEFORE + 1, notesEach: NOTES_AFTER }).done;
      if (kind !== 'pg-log') {
        // The log frees a dead member's lock with its connection; Kafka waits out its session (see evictMembers).
        expect(await evictMembers(infra.kafkaBrokers, groupId, `consumer-1-${kind}`)).toBe(1);
      }
      await second.go();
      // The new consumer is handed the chosen event again, already in the inbox: it must not apply it twice.
      await second.waitFor('handled-chosen');
      const written = await writtenIds(pool, writerSchema);
      expect(written).toHaveLength(WRITTEN);
      expect(written).toContain(chosenId);
      await eventually(
        () => countEffects(pool, inboxSchema),
        (n) => n >= WRITTEN,
        { timeoutMs: 30_000 },
      );
      const effects = await readEffects(pool, inboxSchema);
      const applied = effects.map((e) => e.eventId);
      expect(tally(written, applied)).toEqual({ missing: [], repeated: [], unknown: [] });
      expect(outOfOrder(effects, persons)).toEqual([]);
      expect(await effectsOfChosen()).toHaveLength(1);
      expect(appliedAtKill).toBeLessThan(WRITTEN);
      process.stdout.write(
        `[consumer crash over ${kind}] killed after ${chosen.partition}/${chosen.offset} ` +
          `with ${appliedAtKill} of ${WRITTEN} applied; the replacement got it again; each applied once\n`,
      );
    }, 90_000);
  },
);
