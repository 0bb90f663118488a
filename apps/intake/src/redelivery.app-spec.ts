import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import {
  INTAKE_CONTRACTS,
  INTAKE_TOPIC,
  IntakeRedeliveryRequestedV1,
  PersonHandedOverV1,
  PickupReportedV1,
} from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { Redeliveries } from '@lintas/messaging/redelivery/redeliveries';
import { PgLogTransport } from '@lintas/messaging/transport/pg-log/pg-log-transport';
import { PrefixedTransport } from '@lintas/messaging/transport/prefixed-transport';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { WatchedTransport } from '@lintas/testing/messaging/watched-transport';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { INTAKE_SERVICE } from './intake.service-definition';

/**
 * An admin has intake publish some of its events again (`POST /admin/redeliveries`, the route every
 * publishing service has): to one consumer group alone, on its redelivery topic, or to every
 * consumer on the topic itself. The subscriber here is an inbox consumer of its own group on the
 * PostgreSQL log, watched below its inbox, at the transport: it receives the events again with the
 * same CloudEvents ids, and its inbox applies none of them twice. Each redelivery is recorded in
 * intake's store and announced on intake's topic.
 */
const infra = useRealInfrastructure();

const satpol = agency('satpol-pp', 'satpolpp-3507', '3507');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const admin = agency('admin', 'lintas-admin', '35');

const GROUP = 'test.subscriber';
const REASON = 'the subscriber lost its database on Tuesday; restored from Monday';

let tier: ApplicationTier;
let sql: Pool;
let watched: WatchedTransport;
/** How the subscriber's inbox took each event id, in order. */
const outcomes: { id: string; outcome: string }[] = [];

beforeAll(async () => {
  tier = await startOnPgLog(INTAKE_SERVICE, infra, INTAKE_TOPIC);
  sql = infra.createPool({ max: 2 });
  await sql.query('CREATE SCHEMA IF NOT EXISTS subscriber');
  await sql.query('CREATE TABLE subscriber.effects (event_id text NOT NULL, type text NOT NULL)');
  watched = new WatchedTransport(
    new PrefixedTransport(new PgLogTransport({ pool: infra.createPool({ max: 4 }) }), infra.topics.prefix),
  );
  await watched.createTopics([{ name: `${GROUP}.dead-letters`, partitions: 1 }]);
  const apply = async (event: { id: string; type: string }, transaction: PoolClient) => {
    await transaction.query('INSERT INTO subscriber.effects (event_id, type) VALUES ($1, $2)', [event.id, event.type]);
  };
  const consumer = new InboxConsumer(infra.createPool({ max: 4 }), watched, {
    schema: 'subscriber',
    groupId: GROUP,
    contracts: new ContractRegistry(INTAKE_CONTRACTS),
    handlers: { [PickupReportedV1.type]: apply, [PersonHandedOverV1.type]: apply },
    deadLetterTopic: `${GROUP}.dead-letters`,
    onConsumed: (event, outcome) => void outcomes.push({ id: event.id, outcome }),
  });
  await consumer.start();
  infra.defer(async () => {
    await consumer.stop();
    await watched.close();
  });
});

const redeliver = (body: unknown, as = admin) => tier.service.as(as).post('/admin/redeliveries', body);

/** A person found and handed over: two events intake publishes, and the positions of both. */
async function personHandedOver(): Promise<{ personId: string; positions: string[] }> {
  const reported = await tier.service.as(satpol).post('/pickups', {
    foundAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: { text: 'Pasar Besar', regionCode: '3507' },
    circumstances: ['wandering'],
    observedCondition: 'bingung',
    descriptors: { sex: 'female' },
  });
  expect(reported.status).toBe(201);
  const handedOver = await tier.service
    .as(satpol)
    .post(`/pickups/${reported.body.id}/hand-over`, { officeId: 'dinsos-3507' });
  expect(handedOver.status).toBe(201);
  return { personId: reported.body.personId, positions: [reported.body.position, handedOver.body.position] };
}

/** The ids of what intake published about the person, once the subscriber has applied both. */
async function publishedAndApplied(personId: string): Promise<string[]> {
  const ids = await eventually(
    async () => [
      ...tier.neighbours.publishedAs(PickupReportedV1, personId),
      ...tier.neighbours.publishedAs(PersonHandedOverV1, personId),
    ],
    (events) => events.length === 2,
  ).then((events) => events.map((event) => event.id));
  await eventually(
    () => appliedCount(ids),
    (counts) => ids.every((id) => counts[id] === 1),
  );
  return ids;
}

/** How many times the subscriber's handler applied each event. */
async function appliedCount(ids: string[]): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ event_id: string; n: number }>(
    'SELECT event_id, count(*)::int AS n FROM subscriber.effects WHERE event_id = ANY($1) GROUP BY event_id',
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.event_id, row.n]));
}

/** What the subscriber's transport delivered of these ids on one topic (its full name). */
const deliveredOn = (topic: string, ids: string[]) => watched.deliveredOn(infra.topics.name(topic), ids);

const digest = (ids: string[]) =>
  createHash('sha256')
    .update(ids.map((id) => `${id}\n`).join(''))
    .digest('hex');

describe('redeliveries over HTTP', () => {
  it('sends a person’s events again to one consumer group, which receives them with their ids and applies nothing twice', async () => {
    const { personId, positions } = await personHandedOver();
    const ids = await publishedAndApplied(personId);
    expect(deliveredOn(INTAKE_TOPIC, ids)).toHaveLength(2);

    const reply = await redeliver({ reason: REASON, selection: { personId }, target: { consumerGroup: GROUP } });
    expect(reply.status).toBe(202);
    const redeliveryTopic = `${INTAKE_TOPIC}.redelivery.${GROUP}`;
    expect(reply.body).toEqual({
      redeliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      events: 2,
      firstPosition: positions[0],
      lastPosition: positions[1],
      topics: [redeliveryTopic],
    });
    const { redeliveryId } = reply.body;

    // At the transport, below the inbox: the same CloudEvents, in their order, marked with the redelivery.
    const again = await eventually(
      async () => deliveredOn(redeliveryTopic, ids),
      (messages) => messages.length >= 2,
    );
    expect(again.map((m) => m.headers.ce_id)).toEqual(ids);
    expect(again.map((m) => m.headers.ce_source)).toEqual(['/lintas/intake', '/lintas/intake']);
    expect(again.map((m) => m.headers.ce_type)).toEqual([PickupReportedV1.type, PersonHandedOverV1.type]);
    expect(again.map((m) => m.headers.ce_redeliveryid)).toEqual([redeliveryId, redeliveryId]);
    expect(again.map((m) => m.key)).toEqual([personId, personId]);

    // The inbox knew them: each is a duplicate, and the handler ran once per event, all told.
    await eventually(
      async () => outcomes.filter((o) => ids.includes(o.id) && o.outcome === 'duplicate'),
      (duplicates) => duplicates.length >= 2,
    );
    expect(await appliedCount(ids)).toEqual({ [ids[0] ?? '']: 1, [ids[1] ?? '']: 1 });

    // Recorded in intake's store, with who, why and which events.
    const { rows } = await sql.query<{ event_id: string; data: Json; metadata: Json }>(
      `SELECT event_id::text, data::text::jsonb AS data, metadata::text::jsonb AS metadata
         FROM intake.events WHERE stream_id = 'redeliveries' AND type = 'RedeliveryRequested' AND event_id = $1`,
      [redeliveryId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toEqual({
      redeliveryId,
      requestedAt: expect.any(String),
      reason: REASON,
      selection: { personId },
      consumerGroup: GROUP,
      topics: [redeliveryTopic],
      events: 2,
      firstPosition: positions[0],
      lastPosition: positions[1],
      eventIds: ids,
      eventIdsDigest: digest(ids),
    });
    expect(rows[0]?.metadata).toMatchObject({ actor: { agencyId: 'lintas-admin', clientId: 'lintas-admin-system' } });
    expect(rows[0]?.metadata.personId).toBeUndefined();

    // Announced on intake's topic for the ledger: the same, without the reason or the ids.
    const [announced, ...more] = await eventually(
      async () =>
        tier.neighbours.published.filter((e) => e.type === IntakeRedeliveryRequestedV1.type && e.id === redeliveryId),
      (events) => events.length > 0,
    );
    expect(more).toEqual([]);
    expect(announced).toMatchObject({ source: '/lintas/intake', actoragencyid: 'lintas-admin' });
    expect(announced?.subject).toBeUndefined();
    const { reason: _reason, eventIds: _ids, ...withoutReason } = rows[0]?.data ?? {};
    expect(announced?.data).toEqual(withoutReason);
    expect(JSON.stringify(announced?.data)).not.toContain('Tuesday');
    expect(IntakeRedeliveryRequestedV1.validate(announced?.data)).toMatchObject({ ok: true });

    // Another consumer group of intake's topic never saw the copies: they went to the subscriber's topic.
    for (const id of ids) expect(tier.neighbours.published.filter((e) => e.id === id)).toHaveLength(1);
  });

  it('sends events again on their own topic to every consumer, whose inboxes skip them', async () => {
    const { personId } = await personHandedOver();
    const ids = await publishedAndApplied(personId);
    const [pickupReported = ''] = ids;

    const reply = await redeliver({
      reason: 'a consumer of intake’s topic asked',
      selection: { eventIds: [pickupReported] },
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ events: 1, topics: [INTAKE_TOPIC] });

    const onTopic = await eventually(
      async () => deliveredOn(INTAKE_TOPIC, [pickupReported]),
      (messages) => messages.length >= 2,
    );
    expect(onTopic.map((m) => m.headers.ce_redeliveryid)).toEqual([undefined, reply.body.redeliveryId]);
    // Every group of the topic reads it again: the neighbours' too.
    await eventually(
      async () => tier.neighbours.published.filter((e) => e.id === pickupReported),
      (events) => events.length === 2,
    );
    await eventually(
      async () => outcomes.filter((o) => o.id === pickupReported && o.outcome === 'duplicate'),
      (duplicates) => duplicates.length >= 1,
    );
    expect(await appliedCount(ids)).toEqual({ [pickupReported]: 1, [ids[1] ?? '']: 1 });
  });

  it('refuses anyone but an admin, as problem+json', async () => {
    const reply = await redeliver({ reason: REASON, selection: { fromPosition: '0.0' } }, malang);
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 403, code: 'agency.not-allowed' });
  });

  it('refuses a redelivery without a reason, without a selection or with a range backwards, naming the field', async () => {
    const noReason = await redeliver({ selection: { fromPosition: '0.0' } });
    expect(noReason.status).toBe(400);
    expect(noReason.headers.get('content-type')).toContain('application/problem+json');
    expect(noReason.body).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(noReason.body.errors.map((e: Json) => e.field)).toEqual(['reason']);

    const blank = await redeliver({ reason: '  ', selection: { fromPosition: '0.0' } });
    expect(blank.body.errors.map((e: Json) => e.field)).toEqual(['reason']);

    const nothing = await redeliver({ reason: REASON, selection: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors).toEqual([{ field: 'selection', messages: [expect.stringContaining('at least one')] }]);

    const backwards = await redeliver({ reason: REASON, selection: { fromPosition: '9.1', toPosition: '8.5' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: Json) => e.field)).toEqual(['selection.toPosition']);

    const badGroup = await redeliver({
      reason: REASON,
      selection: { fromPosition: '0.0' },
      target: { consumerGroup: 'a b' },
    });
    expect(badGroup.body.errors.map((e: Json) => e.field)).toEqual(['target.consumerGroup']);
  });

  it('answers 422 when the selection holds nothing intake publishes, and records nothing', async () => {
    const before = await redeliveriesRecorded();
    const reply = await redeliver({
      reason: REASON,
      selection: { fromPosition: '0.0', topic: 'lintas.rehabilitation.events' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ code: 'redelivery.nothing-selected' });
    expect(await redeliveriesRecorded()).toBe(before);
  });

  it('refuses more events than one redelivery may send, with their count', async () => {
    await personHandedOver();
    const store = tier.service.app.get(EventStore);
    const capped = new Redeliveries(store, watched, {
      source: '/lintas/intake',
      contract: IntakeRedeliveryRequestedV1,
      maxEvents: 3,
    });
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM intake.events WHERE type IN ('PickupReported', 'PersonHandedOverToDinasSosial')`,
    );
    const outcome = await capped.redeliver({
      redeliveryId: '00000000-0000-4000-8000-000000000001',
      by: { agencyId: 'lintas-admin', clientId: 'test' },
      reason: REASON,
      selection: { fromPosition: '0.0' },
    });
    expect(outcome).toEqual({ kind: 'too-many', count: rows[0]?.n, max: 3 });
  });
});

async function redeliveriesRecorded(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM intake.events WHERE stream_id = 'redeliveries'`,
  );
  return rows[0]?.n ?? 0;
}
