import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { redeliveryRequestedContract } from '@lintas/contracts/admin/redelivery.contracts';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { eventually } from '@lintas/testing/eventually';
import { WatchedTransport } from '@lintas/testing/messaging/watched-transport';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { NOTE_DEFINITIONS, noteRecordedContract, notePublications } from '../../test/test-contracts';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { integrationMapper } from '../outbox/integration-mapper';
import { OutboxRelay } from '../outbox/outbox-relay';
import { createTransport, TRANSPORTS } from '../transport/transport-factory';
import type { Transport } from '../transport/transport';
import { Redeliveries } from './redeliveries';
import type { RedeliveryRequested } from './redelivery-requested';
import { redeliveryTopic } from './redelivery-topic';

const infra = useRealInfrastructure();

/**
 * A redelivery on each transport: a writer's store and relay, and two consumer groups that applied
 * its events once. Sent again to one group, the events reach that group alone, on its redelivery
 * topic (created by both sides), with their own ids; its inbox applies nothing twice; the other
 * group reads nothing more. The redelivery is recorded in the store and announced on the topic.
 */
describe.each(TRANSPORTS)('redelivery over %s', (kind) => {
  const suffix = kind.replace('-', '_');
  const schema = `writer_${suffix}`;
  const groups = { target: `target-${kind}`, other: `other-${kind}` } as const;
  let pool: Pool;
  let transport: Transport;
  let store: EventStore;
  let relay: OutboxRelay;
  let topic: string;
  const consumers: InboxConsumer[] = [];
  const watched: Record<keyof typeof groups, WatchedTransport> = {} as never;
  const announcements: CloudEvent[] = [];
  /** The events the target group's inbox found it had already handled. */
  const duplicates: string[] = [];

  beforeAll(async () => {
    pool = infra.createPool({ max: 20 });
    topic = infra.topics.name(`redelivered-notes-${kind}`);
    transport = createTransport(kind, { brokers: infra.kafkaBrokers, clientId: `redelivery-${kind}`, pool });
    await transport.createTopics([
      { name: topic, partitions: 3 },
      { name: `${topic}.dead-letters`, partitions: 1 },
    ]);
    store = await EventStore.open(pool, {
      registry: new EventRegistry(NOTE_DEFINITIONS),
      schema,
      integration: integrationMapper('/lintas/test-writer', notePublications(topic)),
    });
    relay = new OutboxRelay(pool, transport, { schema, wakeOn: store.appended });
    relay.start();
    const note = noteRecordedContract(topic);
    const announced = redeliveryRequestedContract('test-writer', topic);
    for (const [name, groupId] of Object.entries(groups) as [keyof typeof groups, string][]) {
      const inbox = `${name}_${suffix}`;
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${inbox}`);
      await pool.query(`CREATE TABLE ${inbox}.effects (event_id text NOT NULL)`);
      watched[name] = new WatchedTransport(transport);
      const consumer = new InboxConsumer(pool, watched[name], {
        schema: inbox,
        groupId,
        contracts: new ContractRegistry([note, announced]),
        deadLetterTopic: `${topic}.dead-letters`,
        handlers: {
          [note.type]: async (event, tx) => {
            await tx.query(`INSERT INTO ${inbox}.effects (event_id) VALUES ($1)`, [event.id]);
          },
          [announced.type]: async (event) => void (name === 'other' && announcements.push(event)),
        },
        onConsumed: (event, outcome) =>
          void (name === 'target' && outcome === 'duplicate' && duplicates.push(event.id)),
      });
      await consumer.start();
      consumers.push(consumer);
    }
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await relay.stop();
    await transport.close();
    await store.close();
  });

  async function note(personId: string, n: number): Promise<string> {
    const id = randomUUID();
    await store.append(`person-${personId}`, [
      {
        id,
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
    return id;
  }

  const applied = async (group: keyof typeof groups, ids: string[]) =>
    (
      await pool.query<{ event_id: string }>(
        `SELECT event_id FROM ${group}_${suffix}.effects WHERE event_id = ANY($1) ORDER BY event_id`,
        [ids],
      )
    ).rows.map((row) => row.event_id);

  it('reaches the one consumer group again with the same ids, applies nothing twice, and is recorded', async () => {
    const [someone, someoneElse] = [randomUUID(), randomUUID()];
    const ids = [await note(someone, 1), await note(someone, 2)];
    const untouched = await note(someoneElse, 1);
    for (const group of ['target', 'other'] as const) {
      await eventually(
        () => applied(group, [...ids, untouched]),
        (rows) => rows.length === 3,
      );
    }

    const redeliveryId = randomUUID();
    const outcome = await new Redeliveries(store, transport, {
      source: '/lintas/test-writer',
      contract: redeliveryRequestedContract('test-writer', topic),
    }).redeliver({
      redeliveryId,
      by: { agencyId: 'lintas-admin', clientId: 'test' },
      reason: 'the target group restored a backup',
      selection: { personId: someone },
      consumerGroup: groups.target,
    });
    const targetTopic = redeliveryTopic(topic, groups.target);
    expect(outcome).toMatchObject({ kind: 'redelivered', redeliveryId, events: 2, topics: [targetTopic] });

    const again = await eventually(
      async () => watched.target.deliveredOn(targetTopic, ids),
      (messages) => messages.length >= 2,
    );
    expect(again.map((m) => m.headers.ce_id)).toEqual(ids);
    expect(again.map((m) => m.headers.ce_redeliveryid)).toEqual([redeliveryId, redeliveryId]);
    // The announcement went before the copies, in the same outbox transaction; once the other group
    // has it, it would have had any copy sent its way.
    await eventually(
      async () => announcements.filter((a) => a.id === redeliveryId),
      (found) => found.length === 1,
    );
    expect(announcements.find((a) => a.id === redeliveryId)?.data).toMatchObject({
      consumerGroup: groups.target,
      events: 2,
      topics: [targetTopic],
    });
    expect(watched.other.delivered.filter((m) => ids.includes(m.headers.ce_id ?? ''))).toHaveLength(2);
    expect(watched.other.delivered.some((m) => m.topic === targetTopic)).toBe(false);

    // Below the inbox they came twice; the inbox knew them, and the handlers ran once per event.
    await eventually(
      async () => duplicates.filter((id) => ids.includes(id)),
      (known) => known.length === 2,
    );
    expect(await applied('target', ids)).toEqual([...ids].sort());
    expect(await applied('other', ids)).toEqual([...ids].sort());

    const [recorded] = await store.readStream<RedeliveryRequested>('redeliveries');
    expect(recorded).toMatchObject({
      id: redeliveryId,
      type: 'RedeliveryRequested',
      data: { reason: 'the target group restored a backup', eventIds: ids, consumerGroup: groups.target },
      metadata: { actor: { agencyId: 'lintas-admin', clientId: 'test' } },
    });
  });
});
