import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { ConcurrencyError } from './errors';
import { EventRegistry } from './events/event-registry';
import type { RecordedEvent } from './events/event-types';
import { EventStore } from './event-store';
import { comparePositions, START, type GlobalPosition } from './position';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../test/sample-events';

const infra = useRealInfrastructure();
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  pool = infra.createPool({ max: 20 });
  store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS) });
});

describe('streams', () => {
  it('appends events atomically and reads them back in order with their metadata', async () => {
    const stream = `case-${randomUUID()}`;
    const result = await store.append(stream, [
      sampleEvent('PickupReported', { n: 1 }),
      sampleEvent('NoteRecorded', { n: 2 }),
    ]);
    expect(result.nextExpectedVersion).toBe(2);

    const events = await store.readStream(stream);
    expect(events.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
      [1, 'PickupReported', { n: 1 }],
      [2, 'NoteRecorded', { n: 2 }],
    ]);
    expect(events[0]?.metadata).toMatchObject({
      occurredAt: '2026-11-20T08:15:00.000Z',
      actor: { agencyId: 'satpol-pp-3578', clientId: 'test' },
      causationId: null,
    });
    expect(Date.parse(events[0]?.metadata.recordedAt ?? '')).not.toBeNaN();
    expect(events[1]?.position).toEqual(result.position);
    expect(events[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets exactly one of many concurrent appends at the same expected version win', async () => {
    const stream = `referral-${randomUUID()}`;
    await store.append(stream, [sampleEvent()]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append(stream, [sampleEvent('NoteRecorded', { i })], { expectedVersion: 1 }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('lets exactly one of two processes create a new stream', async () => {
    const otherPool = infra.createPool();
    const other = await EventStore.open(otherPool, { registry: new EventRegistry(SAMPLE_DEFINITIONS) });
    for (let round = 0; round < 10; round += 1) {
      const stream = `placement-${randomUUID()}`;
      const outcomes = await Promise.allSettled([
        store.append(stream, [sampleEvent()], { expectedVersion: 'no-stream' }),
        other.append(stream, [sampleEvent()], { expectedVersion: 'no-stream' }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(ConcurrencyError) });
      expect(await store.readStream(stream)).toHaveLength(1);
    }
  });

  it('refuses an append that expects a version the stream is not at, writing nothing', async () => {
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [sampleEvent()]);
    await expect(store.append(stream, [sampleEvent()], { expectedVersion: 5 })).rejects.toMatchObject({
      name: 'ConcurrencyError',
      expected: 5,
      actual: 1,
    });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses an event type it has no definition for', async () => {
    await expect(store.append(`case-${randomUUID()}`, [sampleEvent('CaseUpdated')])).rejects.toThrow(
      "no definition for event type 'CaseUpdated'",
    );
  });
});

describe('the global order', () => {
  /**
   * Reads until `count` events after `from` are visible. The visibility horizon is the oldest
   * transaction running anywhere on the server, so another database's work can delay it briefly.
   */
  async function readAtLeast(
    count: number,
    from: GlobalPosition,
    only: (events: RecordedEvent[]) => RecordedEvent[] = (events) => events,
  ): Promise<RecordedEvent[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const seen = only(await readEverything(from));
      if (seen.length >= count || Date.now() > deadline) return seen;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function readEverything(from = START): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    let after = from;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 500 });
      const last = page.at(-1);
      if (!last) return all;
      all.push(...page);
      after = last.position;
    }
  }

  it('never lets a reader skip an event whose transaction committed after a later one', async () => {
    let releaseSlow: () => void = () => undefined;
    const slowHeld = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowWritten: () => void = () => undefined;
    const slowInserted = new Promise<void>((resolve) => (slowWritten = resolve));
    const slowPool = infra.createPool();
    // A second writer whose transaction stays open after inserting its event, as a slow commit would.
    const slowStore = await EventStore.open(slowPool, {
      registry: new EventRegistry(SAMPLE_DEFINITIONS),
      beforeCommit: async () => {
        slowWritten();
        await slowHeld;
      },
    });
    try {
      const checkpoint = (await readEverything()).at(-1)?.position ?? START;
      const slowStream = `slow-${randomUUID()}`;
      const fastStream = `fast-${randomUUID()}`;
      const ours = (events: RecordedEvent[]) => events.filter((e) => [slowStream, fastStream].includes(e.streamId));
      const slow = slowStore.append(slowStream, [sampleEvent('NoteRecorded', { which: 'slow' })]);
      await slowInserted;
      const fast = await store.append(fastStream, [sampleEvent('NoteRecorded', { which: 'fast' })]);

      // The fast event is committed, but a reader must not pass it while the older transaction is open.
      const seenWhileOpen = ours(await readEverything(checkpoint));
      expect(seenWhileOpen.map((e) => e.data)).toEqual([]);

      releaseSlow();
      await slow;
      const seen = await readAtLeast(2, checkpoint, ours);
      expect(seen.map((e) => e.data)).toEqual([{ which: 'slow' }, { which: 'fast' }]);
      expect(comparePositions(seen[1]?.position ?? START, fast.position)).toBe(0);
    } finally {
      releaseSlow();
    }
  });

  it('is not held up by a transaction left open in another database or in another schema', async () => {
    const elsewhere = new URL(infra.databaseUrl);
    elsewhere.pathname = '/postgres';
    const otherDatabase = new Pool({ connectionString: elsewhere.toString(), max: 1 });
    // Not a writer of this store: an application that shares the server, or the database.
    const otherSchema = infra.createPool({ max: 1 });
    const held = [await otherDatabase.connect(), await otherSchema.connect()];
    try {
      const [inOtherDatabase, inOtherSchema] = held;
      await inOtherDatabase?.query('BEGIN');
      await inOtherDatabase?.query('SELECT pg_current_xact_id()');
      await inOtherSchema?.query('BEGIN');
      await inOtherSchema?.query('CREATE SCHEMA IF NOT EXISTS someone_else');
      await inOtherSchema?.query('CREATE TABLE IF NOT EXISTS someone_else.notes (n integer)');
      await inOtherSchema?.query('INSERT INTO someone_else.notes VALUES (1)');
      const from = (await readEverything()).at(-1)?.position ?? START;
      const stream = `case-${randomUUID()}`;
      const appended = await store.append(stream, [sampleEvent('NoteRecorded', { which: 'while held' })]);

      const seen = (await readEverything(from)).filter((e) => e.streamId === stream);
      expect(seen.map((e) => e.data)).toEqual([{ which: 'while held' }]);
      const head = await store.headPosition();
      expect(comparePositions(head ?? START, appended.position)).toBeGreaterThanOrEqual(0);
    } finally {
      for (const client of held) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
      await otherDatabase.end();
    }
  });

  it('refuses an append in a transaction that wrote before its session became a writer of the store', async () => {
    const plain = infra.createPool({ max: 1 });
    const client = await plain.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await expect(store.appendWithin(client, `case-${randomUUID()}`, [sampleEvent()])).rejects.toThrow(
        /wrote before it became a writer/,
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('reads everything appended concurrently exactly once, in an order that respects each stream', async () => {
    const from = (await readEverything()).at(-1)?.position ?? START;
    const streams = Array.from({ length: 8 }, () => `case-${randomUUID()}`);
    await Promise.all(
      streams.flatMap((stream) =>
        Array.from({ length: 25 }, async (_, i) => {
          // Appends to one stream race each other; 'any' lets all of them land in some order.
          await store.append(stream, [sampleEvent('NoteRecorded', { stream, i })]);
        }),
      ),
    );
    const seen = await readAtLeast(200, from, (events) => events.filter((e) => streams.includes(e.streamId)));
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((e) => e.id)).size).toBe(200);
    for (const stream of streams) {
      expect(seen.filter((e) => e.streamId === stream).map((e) => e.streamVersion)).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
    }
  });
});

describe('group commit', () => {
  it('starts a transaction beside one held up only once that one has been out overlapAfterMs', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWritten: () => void = () => undefined;
    const firstInserted = new Promise<void>((resolve) => (firstWritten = resolve));
    let transactions = 0;
    const heldPool = infra.createPool();
    // The first transaction stays open after its insert, as one waiting for a lock or a flush would.
    const heldStore = await EventStore.open(heldPool, {
      registry: new EventRegistry(SAMPLE_DEFINITIONS),
      groupCommit: { maxInFlight: 4, overlapAfterMs: 400 },
      beforeCommit: async () => {
        transactions += 1;
        if (transactions > 1) return;
        firstWritten();
        await held;
      },
    });
    try {
      const first = heldStore.append(`held-${randomUUID()}`, [sampleEvent()]);
      await firstInserted;
      let secondCommitted = false;
      const second = heldStore
        .append(`next-${randomUUID()}`, [sampleEvent()])
        .then(() => void (secondCommitted = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(secondCommitted).toBe(false);
      // Commits while the first is still held: had it waited for the first, this would never end.
      await second;
      expect(transactions).toBe(2);
      release();
      await first;
    } finally {
      release();
      await heldStore.close();
    }
  });
});
