import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { inTransaction } from '@lintas/platform/database/transaction';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { comparePositions, START, type GlobalPosition } from '../position';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { StreamNotesProjection } from '../../test/stream-notes-projection';
import { CatchUpSubscription } from './catch-up-subscription';
import { Checkpoints } from './checkpoints';
import type { Projection } from './projection';
import {
  digestOf,
  RebuildInProgressError,
  RebuildStoppedError,
  ShadowRebuild,
  shadowSchemaOf,
  type ShadowRebuildProgress,
} from './shadow-rebuild';

const infra = useRealInfrastructure();
const SCHEMA = 'shadowed';
const SEEDED = 4_000;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  pool = infra.createPool({ max: 20 });
  store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema: SCHEMA });
  // A few thousand events over 40 streams, ten to an append.
  const streams = Array.from({ length: 40 }, () => `case-${randomUUID()}`);
  await Promise.all(
    streams.map(async (stream) => {
      for (let i = 0; i < SEEDED / streams.length / 10; i += 1) {
        await store.append(
          stream,
          Array.from({ length: 10 }, (_, j) => sampleEvent('NoteRecorded', { i, j })),
        );
      }
    }),
  );
});

const count = async (schema: string, table: string): Promise<number> =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${table}`)).rows[0]?.n ?? -1;

const eventCount = async (): Promise<number> =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.events`)).rows[0]?.n ?? -1;

async function lastPosition(): Promise<GlobalPosition> {
  const { rows } = await pool.query<{ transaction_id: string; sequence: string }>(
    `SELECT transaction_id::text, sequence::text FROM ${SCHEMA}.events
      ORDER BY events.transaction_id DESC, events.sequence DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { transactionId: BigInt(row.transaction_id), sequence: BigInt(row.sequence) } : START;
}

/** Appends in a loop until stopped, as the service's writers would go on during a rebuild. */
function keepWriting(): { stop: () => Promise<number> } {
  let stopping = false;
  let written = 0;
  const writers = Array.from({ length: 3 }, async () => {
    const stream = `case-${randomUUID()}`;
    while (!stopping) {
      await store.append(stream, [sampleEvent('NoteRecorded', { written }), sampleEvent('NoteRecorded', { written })]);
      written += 2;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(writers);
      return written;
    },
  };
}

/** The projection folded from the first event into a schema of its own, with no checkpoint: the reference. */
async function foldFresh(schema: string, name: string): Promise<Projection> {
  const projection = new StreamNotesProjection(schema, name);
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await applySchema(pool, `fresh:${schema}`, projection.tables());
  let after = START;
  for (;;) {
    const events = await store.readAll({ after, maxCount: 500 });
    const last = events.at(-1);
    if (!last) return projection;
    await inTransaction(pool, (client) => projection.apply(events, client));
    after = last.position;
  }
}

async function liveProjection(name: string): Promise<StreamNotesProjection> {
  const projection = new StreamNotesProjection(SCHEMA, name);
  await applySchema(pool, `live:${name}`, projection.tables());
  return projection;
}

describe('a rebuild in a shadow schema, swapped in', () => {
  it('keeps serving the live tables meanwhile, never fewer rows, and swaps in the digest of a fresh fold', async () => {
    const live = await liveProjection('stream-notes');
    const subscription = new CatchUpSubscription(store, live, { batchSize: 200, idleWaitMs: 20 });
    subscription.start();
    await subscription.waitFor(await lastPosition());
    const before = await count(SCHEMA, live.notes);
    expect(before).toBe(await eventCount());

    // Readers poll the live table for the whole rebuild: a count may only grow.
    let polling = true;
    const seen: number[] = [];
    const readErrors: unknown[] = [];
    const reader = (async () => {
      while (polling) {
        try {
          seen.push(await count(SCHEMA, live.notes));
        } catch (error) {
          readErrors.push(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const writing = keepWriting();
    const progress: ShadowRebuildProgress[] = [];
    const result = await new ShadowRebuild(store, 'stream-notes', (schema) => new StreamNotesProjection(schema), {
      batchSize: 100,
      onProgress: (p) => progress.push(p),
    }).run();
    const written = await writing.stop();
    const end = await lastPosition();
    await subscription.waitFor(end);
    await subscription.stop();
    polling = false;
    await reader;

    expect(readErrors).toEqual([]);
    expect(written).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(10);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(before);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);

    // The swapped-in tables went on from the rebuild's checkpoint: every event exactly once.
    const events = await eventCount();
    expect(await count(SCHEMA, live.notes)).toBe(events);
    expect(result).toMatchObject({ projection: 'stream-notes', resumedFrom: 0 });
    expect(result.done).toBe(result.applied);
    expect(result.done).toBeGreaterThanOrEqual(SEEDED);
    expect(comparePositions(await new Checkpoints(SCHEMA).read(pool, 'stream-notes'), end)).toBe(0);
    const shadow = shadowSchemaOf(SCHEMA, 'stream-notes');
    const { rows } = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [shadow]);
    expect(rows).toEqual([]);

    // The live tables' digest is that of the same projection folded fresh, once writes stopped.
    const fresh = await foldFresh('shadowed_fresh', 'stream-notes');
    const [liveDigest, freshDigest] = [
      await digestOf(pool, SCHEMA, live),
      await digestOf(pool, 'shadowed_fresh', fresh),
    ];
    expect(liveDigest).toEqual(freshDigest);
    expect(liveDigest.tables.map((t) => [t.table, t.rows])).toEqual([
      ['stream_notes', events],
      ['stream_notes_totals', expect.any(Number)],
    ]);
    expect(result.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(result.tables.map((t) => t.table)).toEqual(['stream_notes', 'stream_notes_totals']);
    // …and a digest tells a difference of one value in one row.
    await pool.query(`UPDATE shadowed_fresh.stream_notes_totals SET events = events + 1
                       WHERE stream_id = (SELECT min(stream_id) FROM shadowed_fresh.stream_notes_totals)`);
    expect((await digestOf(pool, 'shadowed_fresh', fresh)).digest).not.toBe(liveDigest.digest);

    // Progress: done towards a total, a rate and an ETA, ending done.
    expect(progress.at(0)).toMatchObject({ phase: 'catching-up', done: 0 });
    expect(progress.at(-1)).toMatchObject({ phase: 'done', etaSeconds: 0, done: result.done });
    expect(progress.some((p) => p.phase === 'catching-up' && p.etaSeconds !== null && p.etaSeconds > 0)).toBe(true);
    expect(progress.at(-1)?.eventsPerSecond).toBeGreaterThan(0);
    expect(progress.at(0)?.total).toBeGreaterThanOrEqual(before);
  });

  it('resumes from the shadow checkpoint after an interruption, not from the first event', async () => {
    const live = await liveProjection('stream-notes-resumed');
    const events = await eventCount();
    const build = (schema: string) => new StreamNotesProjection(schema, 'stream-notes-resumed');
    const stop = new AbortController();
    const interrupted = new ShadowRebuild(store, 'stream-notes-resumed', build, {
      batchSize: 100,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 1_500) stop.abort();
      },
    }).run();
    const stopped = await interrupted.catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(RebuildStoppedError);
    const doneBefore = (stopped as RebuildStoppedError).done;
    expect(doneBefore).toBeGreaterThanOrEqual(1_500);
    expect(doneBefore).toBeLessThan(events);
    const shadow = shadowSchemaOf(SCHEMA, 'stream-notes-resumed');
    expect(await count(shadow, live.notes)).toBe(doneBefore);
    // Nothing was swapped: the live table is as it was (never fed here: empty).
    expect(await count(SCHEMA, live.notes)).toBe(0);

    const progress: ShadowRebuildProgress[] = [];
    const resumed = await new ShadowRebuild(store, 'stream-notes-resumed', build, {
      batchSize: 100,
      onProgress: (p) => progress.push(p),
    }).run();
    expect(resumed.resumedFrom).toBe(doneBefore);
    expect(resumed.applied).toBe(events - doneBefore);
    expect(resumed.done).toBe(events);
    expect(progress.at(0)).toMatchObject({ done: doneBefore, resumedFrom: doneBefore });

    expect(await count(SCHEMA, live.notes)).toBe(events);
    const fresh = await foldFresh('shadowed_fresh_resumed', 'stream-notes-resumed');
    expect(await digestOf(pool, SCHEMA, live)).toEqual(await digestOf(pool, 'shadowed_fresh_resumed', fresh));
    expect(resumed.digest).toBe((await digestOf(pool, SCHEMA, live)).digest);
  });

  it('starts again from the first event when the projection changed its tables since the shadow was made', async () => {
    const name = 'stream-notes-changed';
    await liveProjection(name);
    const stop = new AbortController();
    const stopped = await new ShadowRebuild(store, name, (schema) => new StreamNotesProjection(schema, name), {
      batchSize: 100,
      signal: stop.signal,
      onProgress: (p) => p.done >= 500 && stop.abort(),
    })
      .run()
      .catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(RebuildStoppedError);

    class Changed extends StreamNotesProjection {
      override tables(): string[] {
        return [
          ...super.tables(),
          `CREATE INDEX IF NOT EXISTS ${this.totals}_events ON ${this.schema}.${this.totals} (events)`,
        ];
      }
    }
    const rebuilt = await new ShadowRebuild(store, name, (schema) => new Changed(schema, name), {
      batchSize: 500,
    }).run();
    expect(rebuilt.resumedFrom).toBe(0);
    expect(rebuilt.applied).toBe(await eventCount());
  });

  it('refuses a second rebuild of the same projection while one runs', async () => {
    const name = 'stream-notes-twice';
    await liveProjection(name);
    const build = (schema: string) => new StreamNotesProjection(schema, name);
    let second: Promise<unknown> | undefined;
    const first = new ShadowRebuild(store, name, build, {
      batchSize: 100,
      onProgress: () => {
        second ??= new ShadowRebuild(store, name, build).run().catch((error: unknown) => error);
      },
    }).run();
    await first;
    expect(await second).toBeInstanceOf(RebuildInProgressError);
  });
});
