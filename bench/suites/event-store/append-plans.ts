import { perSecond } from '../../harness/measure';
import { openLoop } from '../../harness/open-loop';
import { percentile } from '../../harness/stats';
import type { RunPlan } from './interleave';
import { StreamHeads } from './stream-heads';
import type { EventStoreSubject } from './subject';
import { Writers } from './writers';

type Log = (message: string) => void;

export const WRITERS = 16;
const STREAMS_PER_WRITER = 50;
const THROUGHPUT = { warmupMs: 1_000, runMs: 3_000 };

export const OPEN_LOOP_RATE = 1_000;
/** One append per stream per second at 1,000/s: a stream's appends overlap only when latency passes 1 s. */
const OPEN_LOOP_STREAMS = 1_000;
/** ~10 s of measured load after the warm-up, cut into `runs` runs whose p99s give the median. */
const LATENCY = { warmupMs: 2_000, measuredMs: 10_000 };

/** Rows 1–2: 16 writers in a closed loop, `eventsPerAppend` events per call. */
export function throughputPlan(subject: EventStoreSubject, eventsPerAppend: number, runs: number, log: Log): RunPlan {
  const writers = new Writers(subject, eventsPerAppend, WRITERS, STREAMS_PER_WRITER);
  return {
    prepare: async () => void (await writers.run(THROUGHPUT.warmupMs)),
    run: async () => {
      const rate = perSecond(await writers.run(THROUGHPUT.runMs));
      log(`${subject.name} append ${eventsPerAppend}/call: ${Math.round(rate)} events/s`);
      return rate;
    },
    runs,
  };
}

/** Row 3: single-event appends offered at a fixed rate; each run's p99 from the scheduled time. */
export function latencyPlan(subject: EventStoreSubject, runs: number, log: Log): RunPlan {
  const heads = new StreamHeads(subject, OPEN_LOOP_STREAMS);
  const append = (index: number) => heads.append(index);
  return {
    prepare: async () => void (await openLoop(OPEN_LOOP_RATE, LATENCY.warmupMs, append)),
    run: async () => {
      const latencies = await openLoop(OPEN_LOOP_RATE, LATENCY.measuredMs / runs, append);
      const [p50, p99, max] = [50, 99, 100].map((p) => percentile(latencies, p).toFixed(2));
      log(`${subject.name} open loop ${OPEN_LOOP_RATE}/s: p50 ${p50} ms, p99 ${p99} ms, max ${max} ms`);
      return percentile(latencies, 99);
    },
    runs,
  };
}
