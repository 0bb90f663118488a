import type { ResultRow } from '../../harness/result-row';
import { readSettings } from '../../harness/settings';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { readStreamPlan, rebuildPlan, rebuildWithSwapPlan, replayPlan, verifyPlan } from './history-plans';
import { interleave, type RunPlan } from './interleave';
import { LONG_STREAM_EVENTS, seedStore } from './seed';
import type { EventStoreSubject, SystemName } from './subject';
import { mapFigures, toRow, withSubjects } from './systems';

/** Rows 4–7 (and 6b): reading back a store of BENCH_EVENTS events (1M by default), seeded once per system. */
export const eventStoreHistorySuite: BenchSuite = {
  name: 'event-store-history',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const settings = readSettings(process.env);
    const { runs } = settings;
    const { log } = context;
    return withSubjects(context, settings, async (subjects) => {
      // One after another, so that each seeding has the server to itself.
      const totals = {
        lintas: await seedStore(subjects.lintas, settings.events, log),
        raw: await seedStore(subjects.raw, settings.events, log),
        emmett: await seedStore(subjects.emmett, settings.events, log),
      };
      const measure = (plan: (subject: EventStoreSubject, name: SystemName) => RunPlan | null) =>
        interleave(mapFigures(subjects, plan), log);
      // Emmett's messages table has no index on its global order, so each page sorts what is left of
      // the table: one pass over 1M takes minutes. Its replay (and rebuild, when asked) run once.
      const runsOf = (name: SystemName) => (name === 'emmett' ? 1 : runs);

      const readStream = await measure((subject) => readStreamPlan(subject, runs, log));
      const replay = await measure((subject, name) => replayPlan(subject, totals[name], runsOf(name), log));
      // Emmett's rebuild also applies and checkpoints one event at a time (~1,300 events/s here, a
      // quarter of an hour for 1M): only when BENCH_EMMETT_REBUILD asks for it.
      const rebuild = await measure((subject, name) =>
        name === 'emmett' && !settings.emmettRebuild ? null : rebuildPlan(subject, totals[name], runsOf(name), log),
      );
      // Its peer (the raw column) is the in-place rebuild of row 6's Lintas column, on the same store.
      const swap = await measure((subject, name) => {
        if (name === 'lintas' && subject.rebuildCountsWithSwap) {
          return rebuildWithSwapPlan(
            'lintas rebuild-with-swap',
            subject.rebuildCountsWithSwap,
            totals.lintas,
            runs,
            log,
          );
        }
        if (name === 'raw') {
          const inPlace = (batchSize: number) => subjects.lintas.rebuildCounts(batchSize);
          return rebuildWithSwapPlan('lintas rebuild in place (peer)', inPlace, totals.lintas, runs, log);
        }
        return null;
      });
      const verify = await measure((subject, name) =>
        subject.chain ? verifyPlan(name, subject.chain, totals[name], runs, log) : null,
      );
      const size = countLabel(settings.events);
      return [
        toRow(`read stream ${LONG_STREAM_EVENTS} events`, 'events/s', readStream),
        toRow('replay all', 'events/s', replay),
        toRow(`rebuild projection ${size}`, 'events/s', rebuild),
        toRow(`rebuild-with-swap projection ${size}`, 'events/s', swap),
        toRow(`verify chain ${size}`, 'events/s', verify),
      ];
    });
  },
};

/** 1,000,000 as '1M', 100,000 as '100k': the store's size in the metric names of the 1M rows. */
function countLabel(events: number): string {
  if (events % 1_000_000 === 0) return `${events / 1_000_000}M`;
  if (events % 1_000 === 0) return `${events / 1_000}k`;
  return String(events);
}
