import { Counter, Gauge, Histogram } from 'prom-client';
import { oldestWriterTransactionAgeSql } from '@lintas/platform/database/writer-sessions';
import { BATCH_SIZE_BUCKETS, LATENCY_BUCKETS_SECONDS, METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { sharedReading, type ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import type { AppendOutcome, EventStore, StoreObserver } from '../event-store';
import type { ReadModels } from './read-models';

const OUTCOMES: readonly AppendOutcome[] = ['written', 'conflict', 'failed'];

/**
 * The store's appends as metrics: counted and timed as they happen, labelled by the store (its
 * schema) and never by stream. Every outcome starts at 0, so that a rate over the first conflict
 * or failure is not lost.
 */
export function appendMetrics(metrics: ServiceMetrics, store: string): StoreObserver {
  const registers = [metrics.registry];
  const appends = new Counter({
    name: METRIC_NAMES.appends,
    help: 'Appends to the event store by outcome: written, refused for their expected version (conflict), failed.',
    labelNames: ['store', 'outcome'],
    registers,
  });
  const duration = new Histogram({
    name: METRIC_NAMES.appendDuration,
    help: 'How long an append took, group commit included (within a unit of work: until written).',
    labelNames: ['store'],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers,
  });
  const batchSize = new Histogram({
    name: METRIC_NAMES.groupCommitBatchSize,
    help: 'Appends carried by each group-committed transaction.',
    labelNames: ['store'],
    buckets: BATCH_SIZE_BUCKETS,
    registers,
  });
  for (const outcome of OUTCOMES) appends.inc({ store, outcome }, 0);
  // Bound once: the hot path then skips hashing the labels.
  const counted = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, appends.labels({ store, outcome })]));
  const timed = duration.labels({ store });
  const batched = batchSize.labels({ store });
  return {
    appended(outcome, seconds) {
      counted[outcome]?.inc();
      timed.observe(seconds);
    },
    groupCommitted(appends) {
      batched.observe(appends);
    },
  };
}

/**
 * What the store's readers wait for, read when Prometheus scrapes (never on the hot path): the age
 * of the oldest writer transaction holding back the visibility horizon, and each projection's lag.
 * A reading that fails exposes nothing for that scrape.
 */
export function watchStore(metrics: ServiceMetrics, store: EventStore, readModels: ReadModels): void {
  const registers = [metrics.registry];
  const writerAge = sharedReading(async () => {
    const { rows } = await store.pool.query<{ seconds: number }>(oldestWriterTransactionAgeSql(store.schema));
    return rows[0]?.seconds ?? 0;
  });
  new Gauge({
    name: METRIC_NAMES.visibilityDelay,
    help: "How long the oldest open transaction of the store's writers has been running: readers see nothing after it.",
    labelNames: ['store'],
    registers,
    async collect() {
      const seconds = await writerAge();
      this.reset();
      if (seconds !== undefined) this.set({ store: store.schema }, seconds);
    },
  });
  const lag = sharedReading(() => readModels.lag());
  new Gauge({
    name: METRIC_NAMES.projectionLagEvents,
    help: 'Events readers may see that the projection has not applied yet.',
    labelNames: ['projection'],
    registers,
    async collect() {
      const readings = await lag();
      this.reset();
      for (const { projection, events } of readings ?? []) this.set({ projection }, events);
    },
  });
  new Gauge({
    name: METRIC_NAMES.projectionLagSeconds,
    help: 'How long ago the oldest event the projection has not applied was recorded; 0 when it is not behind.',
    labelNames: ['projection'],
    registers,
    async collect() {
      const readings = await lag();
      this.reset();
      for (const { projection, seconds } of readings ?? []) this.set({ projection }, seconds);
    },
  });
}
