import type { ResultRow } from '../../harness/result-row';
import { readSettings } from '../../harness/settings';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { latencyPlan, OPEN_LOOP_RATE, throughputPlan, WRITERS } from './append-plans';
import { interleave, type RunPlan } from './interleave';
import type { EventStoreSubject } from './subject';
import { mapFigures, toRow, withSubjects, type Figures } from './systems';

/** Rows 1–3: append throughput with concurrent writers, and append latency under a fixed offered load. */
export const eventStoreAppendSuite: BenchSuite = {
  name: 'event-store-append',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const settings = readSettings(process.env);
    const { runs } = settings;
    // Fresh databases for each row: no row appends onto another's tables.
    const measure = (plan: (subject: EventStoreSubject) => RunPlan): Promise<Figures<number | null>> =>
      withSubjects(context, settings, (subjects) => interleave(mapFigures(subjects, plan), context.log));
    const single = await measure((subject) => throughputPlan(subject, 1, runs, context.log));
    const batch = await measure((subject) => throughputPlan(subject, 10, runs, context.log));
    const p99 = await measure((subject) => latencyPlan(subject, runs, context.log));
    return [
      toRow(`append single-event ${WRITERS} writers`, 'events/s', single),
      toRow(`append batch-10 ${WRITERS} writers`, 'events/s', batch),
      toRow(`append p99 at ${OPEN_LOOP_RATE}/s`, 'ms', p99),
    ];
  },
};
