import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from '@platformatic/kafka';
import { Kafka, logLevel, type Admin as KafkaAdmin } from 'kafkajs';
import type { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { DEFAULT_PG_LOG_SCHEMA } from '@lintas/messaging/transport/pg-log/pg-log-schema';
import type { Subscription, Transport } from '@lintas/messaging/transport/transport';
import type { TransportKind } from '@lintas/messaging/transport/transport-factory';
import { NOTE_DEFINITIONS, noteRecordedContract, notePublications } from '../test-contracts';
import { createEffectsTable, recordEffect, type Effect } from './effects';

/** Where the PostgreSQL log transport keeps its tables unless told otherwise (PgLogTransport's default). */
const PG_LOG_SCHEMA = DEFAULT_PG_LOG_SCHEMA;

/**
 * Database sessions for tests that crash clients, never the database server. A commit made with
 * synchronous_commit off is visible to every other session at once and outlives the death of any
 * client; only a crash of PostgreSQL itself could lose it, and no test here causes one. Not waiting
 * for the WAL flush on every commit takes an fsync per message out of the consumers' way, which
 * halves the run, and changes nothing these tests observe.
 */
export const CLIENT_CRASH_SESSION = { options: '-c synchronous_commit=off' } as const;

/** The same settings for a child process, which gets only a connection string. */
export function clientCrashUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', CLIENT_CRASH_SESSION.options);
  return url.toString();
}

export interface Appender {
  readonly persons: readonly string[];
  /** Notes written so far, each its own committed append. */
  readonly appended: number;
  /** Settles once every person's loop has ended: all notes written, or stop() called. */
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * Writes notes n = from, from + 1, … for several persons at once (new ones, or those of an earlier
 * appender to go on with), one append (one transaction) per note, as a service's commands would.
 * `pauseMs` paces each person's loop so that writing goes on over time; without `notesEach` it goes
 * on until stop().
 */
export function appendNotes(
  store: EventStore,
  options: {
    persons: number | readonly string[];
    from?: number;
    notesEach?: number;
    pauseMs?: number;
    /** The id to give a note, where a test needs to know it beforehand; the store makes one up otherwise. */
    eventId?: (personId: string, n: number) => string | undefined;
  },
): Appender {
  const persons =
    typeof options.persons === 'number' ? Array.from({ length: options.persons }, () => randomUUID()) : options.persons;
  const from = options.from ?? 1;
  const last = from + (options.notesEach ?? Number.POSITIVE_INFINITY) - 1;
  let appended = 0;
  let stopped = false;
  const write = async (personId: string): Promise<void> => {
    for (let n = from; n <= last && !stopped; n += 1) {
      const id = options.eventId?.(personId, n);
      await store.append(`person-${personId}`, [
        {
          ...(id ? { id } : {}),
          type: 'NoteRecorded',
          data: { personId, n },
          metadata: {
            occurredAt: new Date().toISOString(),
            correlationId: randomUUID(),
            causationId: null,
            actor: { agencyId: 'crash-test', clientId: 'crash-test' },
            personId,
          },
        },
      ]);
      appended += 1;
      // Pacing a load generator, not waiting for a condition.
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };
  const done = Promise.all(persons.map(write)).then(() => undefined);
  return {
    persons,
    get appended() {
      return appended;
    },
    done,
    stop: () => void (stopped = true),
  };
}

/** The ids of every event the writer committed: what must come out at the other end. */
export async function writtenIds(pool: Pool, writerSchema: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT event_id::text AS id FROM ${writerSchema}.events ORDER BY transaction_id, sequence`,
  );
  return rows.map((r) => r.id);
}

export async function outboxSize(pool: Pool, writerSchema: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${writerSchema}.outbox`);
  return rows[0]?.n ?? 0;
}

/** How many of these CloudEvents are still in the outbox, that is published or not, but not yet deleted. */
export async function stillInOutbox(pool: Pool, writerSchema: string, ids: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${writerSchema}.outbox WHERE headers->>'ce_id' = ANY($1::text[])`,
    [ids],
  );
  return rows[0]?.n ?? 0;
}

export interface Tally {
  /** Written but never seen. */
  missing: string[];
  /** Seen more than once, with how often. */
  repeated: { id: string; times: number }[];
  /** Seen but never written. */
  unknown: string[];
}

export function tally(written: readonly string[], seen: Iterable<string>): Tally {
  const times = new Map<string, number>();
  for (const id of seen) times.set(id, (times.get(id) ?? 0) + 1);
  const expected = new Set(written);
  return {
    missing: written.filter((id) => !times.has(id)),
    repeated: [...times].filter(([, n]) => n > 1).map(([id, n]) => ({ id, times: n })),
    unknown: [...times.keys()].filter((id) => !expected.has(id)),
  };
}

/** Persons whose notes were not applied as 1, 2, 3, … in that order: per-person order is part of "nothing lost". */
export function outOfOrder(effects: readonly Effect[], persons: readonly string[]): string[] {
  const applied = new Map<string, number[]>(persons.map((p) => [p, []]));
  for (const effect of effects) applied.get(effect.personId)?.push(effect.n);
  return persons.filter((p) => !(applied.get(p) ?? []).every((n, i) => n === i + 1));
}

/** How many messages the topic holds now, from the broker's high watermarks or the log's table. */
export async function topicSize(
  kind: TransportKind,
  topic: string,
  deps: { brokers: string[]; pool: Pool },
): Promise<number> {
  if (kind === 'pg-log') {
    const { rows } = await deps.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${PG_LOG_SCHEMA}.messages WHERE topic = $1`,
      [topic],
    );
    return rows[0]?.n ?? 0;
  }
  return withKafkaAdmin(deps.brokers, async (admin) => {
    const partitions = await admin.fetchTopicOffsets(topic);
    return partitions.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  });
}

/** Reads a topic from its beginning in a consumer group of its own, collecting each message's CloudEvent id. */
export class TopicReader {
  private constructor(
    private readonly ids: readonly string[],
    private readonly subscription: Subscription,
  ) {}

  static async open(transport: Transport, topic: string): Promise<TopicReader> {
    const ids: string[] = [];
    const subscription = await transport.consume({
      groupId: `crash-audit-${randomUUID()}`,
      topics: [topic],
      handle: async (batch) => void ids.push(...batch.map((m) => m.headers.ce_id ?? `(no ce_id at ${m.offset})`)),
    });
    return new TopicReader(ids, subscription);
  }

  get received(): number {
    return this.ids.length;
  }

  seen(): readonly string[] {
    return this.ids;
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }
}

/**
 * Whether a message will be delivered to the group again: it lies at or after the group's committed
 * position in its partition. For Kafka the committed offset is the next one to read; the log
 * stores the position of the last message handled.
 */
export async function behindCommittedOffset(
  kind: TransportKind,
  message: { topic: string; partition: number; offset: string; groupId: string },
  deps: { brokers: string[]; pool: Pool },
): Promise<boolean> {
  if (kind === 'pg-log') {
    const { rows } = await deps.pool.query<{ behind: boolean }>(
      `SELECT (m.transaction_id, m.sequence) > (coalesce(o.transaction_id, '0'::xid8), coalesce(o.sequence, 0)) AS behind
         FROM ${PG_LOG_SCHEMA}.messages m
         LEFT JOIN ${PG_LOG_SCHEMA}.group_offsets o
           ON o.group_id = $1 AND o.topic = m.topic AND o.partition = m.partition
        WHERE m.topic = $2 AND m.partition = $3 AND m.sequence = $4::bigint`,
      [message.groupId, message.topic, message.partition, message.offset],
    );
    if (rows.length !== 1) throw new Error(`no message ${message.offset} in ${message.topic}/${message.partition}`);
    return rows[0]?.behind === true;
  }
  return withKafkaAdmin(deps.brokers, async (admin) => {
    const [committed] = await admin.fetchOffsets({ groupId: message.groupId, topics: [message.topic] });
    const offset = committed?.partitions.find((p) => p.partition === message.partition)?.offset ?? '-1';
    // -1: nothing committed yet, the group starts again at the beginning.
    return BigInt(offset) < 0n || BigInt(offset) <= BigInt(message.offset);
  });
}

/**
 * Removes a killed consumer's member from its Kafka group, as the coordinator itself does once the
 * member's session times out. A SIGKILLed member never leaves, and the client's session timeout is
 * a minute: until then the coordinator keeps its partitions and holds any rebalance for it, so a
 * replacement could not start reading. Evicting it now is the same outcome, sooner; it changes
 * nothing of what is committed, which is what the test is about. Resolves with how many it removed.
 */
export async function evictMembers(brokers: string[], groupId: string, clientId: string): Promise<number> {
  const admin = new Admin({ clientId: 'crash-test-admin', bootstrapBrokers: brokers });
  try {
    const group = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
    const dead = [...(group?.members.values() ?? [])].filter((member) => member.clientId === clientId);
    if (dead.length > 0) {
      await admin.removeMembersFromConsumerGroup({
        groupId,
        members: dead.map((member) => ({ memberId: member.id, reason: 'killed by a crash test' })),
      });
    }
    return dead.length;
  } finally {
    await admin.close();
  }
}

/** kafkajs's admin for offsets, as libs/testing uses it; @platformatic/kafka's above only where kafkajs has no call. */
async function withKafkaAdmin<T>(brokers: string[], work: (admin: KafkaAdmin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'crash-test-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** The writer's store and the reader's inbox consumer every crash test runs between. */
export interface CrashPipeline {
  store: EventStore;
  consumer: InboxConsumer;
}

/**
 * Creates the topics, opens the writer's store (its notes go to the outbox for `topic`) and starts
 * an inbox consumer that records each note's effect once. The relay is each test's own business.
 */
export async function openCrashPipeline(
  pool: Pool,
  transport: Transport,
  options: { topic: string; deadLetterTopic: string; writerSchema: string; inboxSchema: string; groupId: string },
): Promise<CrashPipeline> {
  await transport.createTopics([
    { name: options.topic, partitions: 3 },
    { name: options.deadLetterTopic, partitions: 1 },
  ]);
  const store = await EventStore.open(pool, {
    registry: new EventRegistry(NOTE_DEFINITIONS),
    schema: options.writerSchema,
    integration: integrationMapper('/lintas/crash-writer', notePublications(options.topic)),
  });
  await createEffectsTable(pool, options.inboxSchema);
  const contract = noteRecordedContract(options.topic);
  const consumer = new InboxConsumer(pool, transport, {
    schema: options.inboxSchema,
    groupId: options.groupId,
    contracts: new ContractRegistry([contract]),
    deadLetterTopic: options.deadLetterTopic,
    handlers: { [contract.type]: recordEffect(options.inboxSchema) },
    backoffMs: () => 10,
  });
  await consumer.start();
  return { store, consumer };
}
