import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { DigestProjection } from '../../test/digest-projection';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import type { GlobalPosition } from '../position';
import { CatchUpSubscription, type RebuildProgress } from './catch-up-subscription';
import type { Projection } from './projection';

const infra = useRealInfrastructure();
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  pool = infra.createPool({ max: 20 });
  store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema: 'subs' });
});

/** Appends `count` events from several concurrent writers over a few streams; resolves with the last position. */
async function write(count: number, writers = 4) {
  const streams = Array.from({ length: writers }, () => `case-${randomUUID()}`);
  const results = await Promise.all(
    streams.map(async (stream) => {
      let last;
      for (let i = 0; i < count / writers; i += 1)
        last = await store.append(stream, [sampleEvent('NoteRecorded', { i })]);
      return last;
    }),
  );
  return results;
}

async function lastPosition() {
  const { rows } = await pool.query<{ transaction_id: string; sequence: string }>(
    `SELECT transaction_id::text, sequence::text FROM subs.events ORDER BY events.transaction_id DESC, events.sequence DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('no events');
  return { transactionId: BigInt(row.transaction_id), sequence: BigInt(row.sequence) };
}

describe('catch-up subscriptions', () => {
  it('apply every event once, and carry on from their checkpoint after a restart', async () => {
    const projection = new DigestProjection('restart', 'subs');
    const first = new CatchUpSubscription(store, projection, { batchSize: 37 });
    await write(100);
    first.start();
    await first.waitFor(await lastPosition());
    await first.stop();

    await write(60);
    const second = new CatchUpSubscription(store, projection, { batchSize: 37 });
    second.start();
    await second.waitFor(await lastPosition());
    await second.stop();

    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM subs.events');
    expect((await projection.read(pool))?.count).toBe(rows[0]?.n);
  });

  it('rebuild a projection from the first event while appends go on, to the digest of one built live', async () => {
    const live = new DigestProjection('live', 'subs');
    const rebuilt = new DigestProjection('rebuilt', 'subs');
    const liveSubscription = new CatchUpSubscription(store, live, { batchSize: 50, idleWaitMs: 20 });
    const rebuiltSubscription = new CatchUpSubscription(store, rebuilt, { batchSize: 50, idleWaitMs: 20 });
    liveSubscription.start();
    rebuiltSubscription.start();
    await write(200);

    const progress: RebuildProgress[] = [];
    const writing = write(200);
    await rebuiltSubscription.rebuild((p) => progress.push(p));
    await writing;

    const end = await lastPosition();
    await Promise.all([liveSubscription.waitFor(end), rebuiltSubscription.waitFor(end)]);
    await Promise.all([liveSubscription.stop(), rebuiltSubscription.stop()]);

    const [liveDigest, rebuiltDigest] = [await live.read(pool), await rebuilt.read(pool)];
    expect(rebuiltDigest).toEqual(liveDigest);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM subs.events');
    expect(liveDigest?.count).toBe(rows[0]?.n);

    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1);
    expect(last?.done).toBeGreaterThanOrEqual(last?.total ?? Infinity);
    expect(last?.eventsPerSecond).toBeGreaterThan(0);
  });

  it('let a reader waiting for a position go only once the batch that reached it has committed', async () => {
    await write(4, 1);
    const inner = new DigestProjection('commit-held', 'subs');
    let batchEnd: GlobalPosition | undefined;
    let atCommit!: () => void;
    const reachedCommit = new Promise<void>((resolve) => (atCommit = resolve));
    let releaseCommit!: () => void;
    const commitReleased = new Promise<void>((resolve) => (releaseCommit = resolve));
    // The first batch's COMMIT waits for the test: meanwhile its rows are written but not readable.
    const projection: Projection = {
      name: inner.name,
      reset: (client) => inner.reset(client),
      apply: async (events, client) => {
        await inner.apply(events, client);
        if (batchEnd) return;
        batchEnd = events.at(-1)?.position;
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        Object.assign(client, {
          query: async (...args: unknown[]) => {
            if (args[0] === 'COMMIT') {
              Object.assign(client, { query });
              atCommit();
              await commitReleased;
            }
            return query(...args);
          },
        });
      },
    };
    const subscription = new CatchUpSubscription(store, projection);
    subscription.start();
    await reachedCommit;
    if (!batchEnd) throw new Error('the first batch had no events');
    let letGo = false;
    const waiting = subscription.waitFor(batchEnd).then(() => (letGo = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(letGo).toBe(false);

    releaseCommit();
    await waiting;
    expect((await inner.read(pool))?.count).toBeGreaterThan(0);
    await subscription.stop();
  });
});
