import { EventStore } from '@lintas/event-store/event-store';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import type { GlobalPosition } from '@lintas/event-store/position';
import { sealAll } from '@lintas/event-store/sealing/sealer';
import { SealSigner, TrustedSealKeys } from '@lintas/event-store/sealing/seal-signature';
import { CatchUpSubscription } from '@lintas/event-store/subscriptions/catch-up-subscription';
import { ShadowRebuild } from '@lintas/event-store/subscriptions/shadow-rebuild';
import { verifyStore } from '@lintas/event-store/verification/verify-store';
import { SAMPLE_DEFINITIONS } from '../../../libs/event-store/test/sample-events';
import { benchPool } from '../../harness/bench-pool';
import { plainPgTypes } from '../../harness/pg-types';
import type { BenchSettings } from '../../harness/settings';
import { benchEvents } from './payload';
import { countedEvents, createCountsTable } from './stream-counts';
import { StreamCountsProjection } from './stream-counts-projection';
import type { EventStoreSubject } from './subject';

/** As many connections as the other systems get (one per writer), and at least what group commit may use. */
const POOL_SIZE = 16;

/** The swap row's counter: in the store's schema, where a rebuild swaps its shadow in; a checkpoint of its own. */
const SWAPPED_COUNTS = 'bench-stream-counts-swapped';

/** The Lintas event store through its public API, with its defaults unless BENCH_GROUP_COMMIT says otherwise. */
export async function openLintas(
  databaseUrl: string,
  settings: BenchSettings,
  log: (message: string) => void = () => undefined,
): Promise<EventStoreSubject> {
  const pool = benchPool({
    connectionString: databaseUrl,
    max: Math.max(POOL_SIZE, settings.groupCommit?.maxInFlight ?? 0),
    types: plainPgTypes,
  });
  const store = await EventStore.open(pool, {
    registry: new EventRegistry(SAMPLE_DEFINITIONS),
    ...(settings.groupCommit ? { groupCommit: settings.groupCommit } : {}),
  });
  await createCountsTable(pool);
  // Seals are signed as in a service; the key lives for the run only.
  const sealSigner = SealSigner.generate();
  const trustedKeys = TrustedSealKeys.of(sealSigner);

  return {
    name: 'lintas',
    append: async (streamId, count, expectedVersion) => {
      await store.append(streamId, benchEvents(count), { expectedVersion });
    },
    readStream: async (streamId) => (await store.readStream(streamId)).length,
    replayAll: async (pageSize, limit = Number.POSITIVE_INFINITY) => {
      let read = 0;
      let after: GlobalPosition | undefined;
      while (read < limit) {
        const events = await store.readAll({ ...(after ? { after } : {}), maxCount: pageSize });
        const last = events.at(-1);
        if (!last) break;
        read += events.length;
        after = last.position;
      }
      return read;
    },
    rebuildCounts: async (batchSize) => {
      await new CatchUpSubscription(store, new StreamCountsProjection(), { batchSize }).rebuild();
      return countedEvents(pool);
    },
    rebuildCountsWithSwap: async (batchSize) => {
      const result = await new ShadowRebuild(
        store,
        SWAPPED_COUNTS,
        (schema) => new StreamCountsProjection(schema, SWAPPED_COUNTS),
        { batchSize },
      ).run();
      log(
        `lintas rebuild-with-swap: swap ${Math.round(result.swapMs)} ms (last events, digest, swap), ` +
          `${result.tables[0]?.rows} rows, digest ${result.digest.slice(0, 12)}…`,
      );
      return countedEvents(pool, store.schema);
    },
    chain: {
      prepare: async () => void (await sealAll(pool, store.schema, sealSigner)),
      verify: async () => {
        const report = await verifyStore(pool, store.schema, { trustedKeys });
        if (!report.ok || report.unsealedEvents > 0) {
          throw new Error(`verifyStore did not pass: ${JSON.stringify(report)}`);
        }
        return report.eventsChecked;
      },
    },
    close: () => pool.end(),
  };
}
