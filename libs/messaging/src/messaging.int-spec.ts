import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { eventually } from '@lintas/testing/eventually';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { NOTE_DEFINITIONS, noteMessage, noteRecordedContract, notePublications } from '../test/test-contracts';
import { DeadLetters } from './inbox/dead-letters';
import { InboxConsumer } from './inbox/inbox-consumer';
import { integrationMapper } from './outbox/integration-mapper';
import { OutboxRelay } from './outbox/outbox-relay';
import { createTransport, TRANSPORTS } from './transport/transport-factory';
import type { Transport } from './transport/transport';

const infra = useRealInfrastructure();

describe.each(TRANSPORTS)('messaging over %s', (kind) => {
  const schema = `writer_${kind.replace('-', '_')}`;
  const inboxSchema = `reader_${kind.replace('-', '_')}`;
  let pool: Pool;
  let transport: Transport;
  let store: EventStore;
  let relay: OutboxRelay;
  let consumer: InboxConsumer;
  let topic: string;
  let deadLetterTopic: string;
  /** Persons whose notes the handler cannot apply yet, as a bug or an outage would. */
  const failing = new Set<string>();

  beforeAll(async () => {
    pool = infra.createPool({ max: 20 });
    topic = infra.topics.name(`notes-${kind}`);
    deadLetterTopic = infra.topics.name(`dead-letters-${kind}`);
    transport = createTransport(kind, { brokers: infra.kafkaBrokers, clientId: `test-${kind}`, pool });
    await transport.createTopics([
      { name: topic, partitions: 3 },
      { name: deadLetterTopic, partitions: 1 },
    ]);
    store = await EventStore.open(pool, {
      registry: new EventRegistry(NOTE_DEFINITIONS),
      schema,
      integration: integrationMapper('/lintas/test-writer', notePublications(topic)),
    });
    relay = new OutboxRelay(pool, transport, { schema, wakeOn: store.appended });
    relay.start();
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${inboxSchema}`);
    await pool.query(
      `CREATE TABLE ${inboxSchema}.effects (id serial PRIMARY KEY, person_id text, n int, event_id text)`,
    );
    const contract = noteRecordedContract(topic);
    consumer = new InboxConsumer(pool, transport, {
      schema: inboxSchema,
      groupId: `reader-${kind}`,
      contracts: new ContractRegistry([contract]),
      deadLetterTopic,
      handlers: {
        [contract.type]: async (event, tx) => {
          const data = event.data as { personId: string; n: number };
          if (failing.has(data.personId)) throw new Error('the registry of persons is unavailable');
          await tx.query(`INSERT INTO ${inboxSchema}.effects (person_id, n, event_id) VALUES ($1, $2, $3)`, [
            data.personId,
            data.n,
            event.id,
          ]);
        },
      },
      backoffMs: () => 10,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await relay.stop();
    await transport.close();
    await store.close();
  });

  const effectsOf = async (personId: string) =>
    (
      await pool.query<{ n: number }>(`SELECT n FROM ${inboxSchema}.effects WHERE person_id = $1 ORDER BY id`, [
        personId,
      ])
    ).rows.map((r) => r.n);

  /** A person's effects once there is at least one. */
  const firstEffectsOf = (personId: string) =>
    eventually(
      () => effectsOf(personId),
      (ns) => ns.length > 0,
    );

  async function note(personId: string, n: number, into: EventStore = store) {
    await into.append(`person-${personId}`, [
      {
        type: 'NoteRecorded',
        data: { personId, n },
        metadata: {
          occurredAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: null,
          actor: { agencyId: 'test', clientId: 'test' },
          personId,
        },
      },
    ]);
  }

  it('carries every appended event to the consumer once, in order per person', async () => {
    const persons = Array.from({ length: 6 }, () => randomUUID());
    await Promise.all(
      persons.map(async (personId) => {
        for (let n = 1; n <= 10; n += 1) await note(personId, n);
      }),
    );
    for (const personId of persons) {
      expect(
        await eventually(
          () => effectsOf(personId),
          (ns) => ns.length >= 10,
        ),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    const outboxSize = async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox`)).rows[0]?.n;
    expect(await eventually(outboxSize, (n) => n === 0)).toBe(0);
  });

  it('ships an event whose transaction committed after later ones, however long it stayed open', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written: () => void = () => undefined;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    // A second writer of the same store whose transaction stays open after its insert, as a slow commit would.
    const slowStore = await EventStore.open(pool, {
      registry: new EventRegistry(NOTE_DEFINITIONS),
      schema,
      integration: integrationMapper('/lintas/test-writer', notePublications(topic)),
      beforeCommit: async () => {
        written();
        await held;
      },
    });
    try {
      const [slowPerson, fastPerson] = [randomUUID(), randomUUID()];
      const slow = note(slowPerson, 1, slowStore);
      await inserted;
      await note(fastPerson, 1);
      expect(await firstEffectsOf(fastPerson)).toEqual([1]);
      // Several reads while it stays open, each free to move the relay's floor.
      await sleep(600);
      release();
      await slow;
      expect(await firstEffectsOf(slowPerson)).toEqual([1]);
    } finally {
      release();
      await slowStore.close();
    }
  });

  it('wakes the relay leading in another instance when this instance appends, without waiting for its poll', async () => {
    const shared = `${schema}_instances`;
    const open = () =>
      EventStore.open(pool, {
        registry: new EventRegistry(NOTE_DEFINITIONS),
        schema: shared,
        integration: integrationMapper('/lintas/test-writer', notePublications(topic)),
      });
    const [leaderStore, followerStore] = [await open(), await open()];
    // Neither looks again on its own within the test: only a notification can wake the leader.
    const leader = new OutboxRelay(pool, transport, {
      schema: shared,
      wakeOn: leaderStore.appended,
      idleWaitMs: 600_000,
    });
    const follower = new OutboxRelay(pool, transport, {
      schema: shared,
      wakeOn: followerStore.appended,
      idleWaitMs: 600_000,
    });
    const leads = async () =>
      (
        await pool.query<{ held: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                            AND objid::text::bigint = hashtext('lintas-outbox-relay:' || $1)::bigint & 4294967295) AS held`,
          [shared],
        )
      ).rows[0]?.held;
    leader.start();
    try {
      await eventually(leads, (held) => held === true);
      follower.start();
      const personId = randomUUID();
      await followerStore.append(`person-${personId}`, [
        {
          type: 'NoteRecorded',
          data: { personId, n: 1 },
          metadata: {
            occurredAt: new Date().toISOString(),
            correlationId: randomUUID(),
            causationId: null,
            actor: { agencyId: 'test', clientId: 'test' },
            personId,
          },
        },
      ]);
      expect(await firstEffectsOf(personId)).toEqual([1]);
    } finally {
      await Promise.all([leader.stop(), follower.stop()]);
      await Promise.all([leaderStore.close(), followerStore.close()]);
    }
  });

  it('applies a message delivered twice only once', async () => {
    const personId = randomUUID();
    await note(personId, 1);
    await eventually(
      () => effectsOf(personId),
      (ns) => ns.length === 1,
    );
    const [{ event_id: eventId } = { event_id: '' }] = (
      await pool.query<{ event_id: string }>(`SELECT event_id FROM ${inboxSchema}.effects WHERE person_id = $1`, [
        personId,
      ])
    ).rows;

    const publisher = await transport.publisher();
    const duplicate = noteMessage(topic, '/lintas/test-writer', personId, { personId, n: 1 }, eventId);
    await publisher.send([duplicate]);
    await publisher.close();
    // The next note of the same person travels behind the duplicate on the same partition.
    await note(personId, 2);
    expect(
      await eventually(
        () => effectsOf(personId),
        (ns) => ns.includes(2),
      ),
    ).toEqual([1, 2]);
  });

  it('sends unparseable, unknown and invalid messages to the dead letters with the reason, and goes on', async () => {
    const personId = randomUUID();
    const base = noteMessage(topic, '/lintas/elsewhere', personId, { personId, n: 'one' });
    const publisher = await transport.publisher();
    await publisher.send([
      { topic, key: personId, value: Buffer.from('not a cloud event'), headers: {} },
      { ...base, headers: { ...base.headers, ce_id: randomUUID(), ce_type: 'id.lintas.test.unheard-of.v1' } },
      base,
    ]);
    await publisher.close();
    await note(personId, 7);
    await eventually(
      () => effectsOf(personId),
      (ns) => ns.includes(7),
    );

    const letters = (await new DeadLetters(pool, inboxSchema).list()).filter((l) => l.key === personId);
    expect(letters.map((l) => [l.reason, l.topic])).toEqual([
      ['unparseable', topic],
      ['unknown-type', topic],
      ['invalid', topic],
    ]);
    expect(letters[0]?.detail).toMatch(/missing CloudEvents headers/);
    expect(letters[2]?.detail).toBe('/n must be integer');
    expect(letters[2]?.headers.ce_source).toBe('/lintas/elsewhere');

    const copies: { reason: string | undefined; key: string | null }[] = [];
    const reader = await transport.consume({
      groupId: `dlq-reader-${randomUUID()}`,
      topics: [deadLetterTopic],
      handle: async (batch) => void copies.push(...batch.map((m) => ({ reason: m.headers.dlq_reason, key: m.key }))),
    });
    await eventually(
      async () => copies.filter((c) => c.key === personId).length,
      (n) => n >= 3,
    );
    await reader.stop();
    expect(copies.filter((c) => c.key === personId).map((c) => c.reason)).toEqual([
      'unparseable',
      'unknown-type',
      'invalid',
    ]);
  });

  it('gives up on a message that keeps failing, and applies it once re-driven after the fix', async () => {
    const personId = randomUUID();
    failing.add(personId);
    await note(personId, 1);
    const deadLetters = new DeadLetters(pool, inboxSchema);
    const [letter] = await eventually(
      async () => (await deadLetters.list()).filter((l) => l.key === personId),
      (letters) => letters.length === 1,
    );
    expect(letter).toMatchObject({ reason: 'failed-after-retries', detail: 'the registry of persons is unavailable' });
    expect(await effectsOf(personId)).toEqual([]);

    failing.delete(personId);
    const publisher = await transport.publisher();
    await deadLetters.redrive(publisher, letter?.id ?? -1);
    await publisher.close();
    expect(await firstEffectsOf(personId)).toEqual([1]);
    expect((await deadLetters.list()).filter((l) => l.key === personId)).toEqual([]);
  });
});
