import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { CONNECTION_OPTIONS } from '@lintas/platform/database/postgres-pool';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { PlatformaticTransport } from '@lintas/messaging/transport/platformatic/platformatic-transport';
import { createTransport, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { OutgoingMessage, Transport } from '@lintas/messaging/transport/transport';
import { NOTE_DEFINITIONS, noteRecordedContract, notePublications } from '../../../libs/messaging/test/test-contracts';
import { observeCpu } from '../../harness/cpu';
import { withFreshDatabase } from '../../harness/databases';
import { openLoop } from '../../harness/open-loop';
import { readSettings } from '../../harness/settings';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext } from '../../harness/suite';
import { CoalescingSender } from './coalescing-sender';

const RATE = 1_000;
const LATENCY_MS = 10_000;
const WARMUP_MS = 2_000;
const PADDING = 'x'.repeat(600);

/**
 * What runs beside a latency row: nothing; a process that keeps one core busy; or a write
 * transaction of someone else held open for the whole row, in another database on the same server
 * or in another schema of the bench's own database (as a shared government server would have).
 */
export type Condition = 'quiet' | 'cpu-heavy' | 'held-other-database' | 'held-other-schema';

const CONDITION_TITLES: Record<Condition, string> = {
  quiet: '',
  'cpu-heavy': ', CPU-heavy process beside',
  'held-other-database': ', write held open in another database',
  'held-other-schema': ', write held open in another schema',
};

/** The stages of a hand-over, each from the end of the one before. */
const STAGES = [
  'commit→read by relay',
  'read→sent (broker ack)',
  'sent→received',
  'received→handler committed',
] as const;

interface Timeline {
  committed?: number;
  read?: number;
  sent?: number;
  received?: number;
  handled?: number;
}

/**
 * Append-commit → consumer-commit p99 at 1,000/s through Lintas beside the same transport's plain
 * publish → consume, under one condition, in the same run; the Lintas path is cut into stages
 * (logged with p50 and p99 each, and kept in the row's `stages`).
 */
export async function handoverLatencyRow(
  context: BenchContext,
  kind: TransportKind,
  condition: Condition,
): Promise<ResultRow & { stages: Record<string, { p50: number; p99: number }> }> {
  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    const pool = benchPool(databaseUrl, 20);
    const transport = createTransport(kind, { brokers: context.kafkaBrokers, clientId: `bench-${kind}`, pool });
    const release = await impose(condition, context.postgresAdminUrl, databaseUrl);
    try {
      const { p99: raw, cpu: rawCpu } = await plainLatency(
        transport,
        `bench.plain.${kind}.${randomUUID().slice(0, 8)}`,
      );
      const lintas = await pipelineLatency(pool, transport, `bench.pipeline.${kind}.${randomUUID().slice(0, 8)}`);
      const stages = Object.fromEntries(lintas.stages.map((stage, i) => [STAGES[i] ?? `stage ${i}`, stage] as const));
      context.log(
        `hand-over ${kind}${CONDITION_TITLES[condition]}: lintas p50 ${lintas.p50.toFixed(1)} / p99 ${lintas.p99.toFixed(1)} ms, raw p99 ${raw.toFixed(1)} ms; ` +
          Object.entries(stages)
            .map(([name, s]) => `${name} p50 ${s.p50.toFixed(1)} / p99 ${s.p99.toFixed(1)}`)
            .join('; ') +
          `; bench process: ${lintas.pauses}; raw row's CPU of a core: ${rawCpu}`,
      );
      return {
        metric: `publish-consume p99 at 1000/s (${kind}${CONDITION_TITLES[condition]})`,
        unit: 'ms',
        lintas: lintas.p99,
        raw,
        emmett: null,
        stages,
      };
    } finally {
      await release();
      await transport.close();
      await pool.end();
    }
  });
}

/** Starts what the condition puts beside the row; resolves with how to stop it. */
async function impose(condition: Condition, adminUrl: string, databaseUrl: string): Promise<() => Promise<void>> {
  if (condition === 'quiet') return async () => undefined;
  if (condition === 'cpu-heavy') {
    // Spins until stopped, or until the bench that started it is gone.
    const spin =
      'const parent = process.ppid; for (let i = 0; ; i++) if (i % 1e7 === 0 && process.ppid !== parent) break;';
    const busy = spawn(process.execPath, ['-e', spin], { stdio: 'ignore' });
    return async () => void busy.kill('SIGKILL');
  }
  const holder = new Client({ connectionString: condition === 'held-other-database' ? adminUrl : databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  if (condition === 'held-other-database') {
    await holder.query('SELECT pg_current_xact_id()');
  } else {
    await holder.query('CREATE SCHEMA IF NOT EXISTS someone_else');
    await holder.query('CREATE TABLE IF NOT EXISTS someone_else.notes (n integer)');
    await holder.query('INSERT INTO someone_else.notes VALUES (1)');
  }
  return async () => {
    await holder.query('ROLLBACK');
    await holder.end();
  };
}

/** pool.end() resolves before its connections close, so the forced drop of the database may end some: expected. */
function benchPool(databaseUrl: string, max: number): Pool {
  // Connecting as the services' pools do (createPostgresPool).
  const pool = new Pool({ connectionString: databaseUrl, max, ...CONNECTION_OPTIONS });
  pool.on('error', () => undefined);
  return pool;
}

function note(topic: string): OutgoingMessage {
  const personId = randomUUID();
  return {
    topic,
    key: personId,
    value: Buffer.from(JSON.stringify({ personId, padding: PADDING })),
    headers: {
      ce_specversion: '1.0',
      ce_id: randomUUID(),
      ce_source: '/lintas/bench',
      ce_type: 'id.lintas.bench.v1',
      ce_time: new Date().toISOString(),
      'content-type': 'application/json',
    },
  };
}

/**
 * The bench's own process runs the appends, the relay and the consumer on one event loop: its
 * delays and garbage collections are part of every stage, so a row logs them beside the stages.
 */
function observePauses(): { stop(): string } {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const collections: number[] = [];
  const kinds = new Map<string, number[]>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      collections.push(entry.duration);
      const kind = GC_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
      kinds.set(kind, [...(kinds.get(kind) ?? []), entry.duration]);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  loop.enable();
  return {
    stop() {
      loop.disable();
      observer.disconnect();
      const total = collections.reduce((sum, duration) => sum + duration, 0);
      return (
        `event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} / max ${(loop.max / 1e6).toFixed(1)} ms, ` +
        `${collections.length} GCs (${total.toFixed(0)} ms, longest ${Math.max(0, ...collections).toFixed(1)} ms: ` +
        [...kinds]
          .map(([kind, durations]) => `${durations.length} ${kind} up to ${Math.max(...durations).toFixed(1)} ms`)
          .join(', ') +
        ')'
      );
    },
  };
}

/** perf_hooks' NODE_PERFORMANCE_GC_* flags. */
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/**
 * A broker that has just started compiles its hot paths for its first quarter of a minute or so,
 * on one to two cores (measured 2026-12-05: the broker's JVM at 140–175% CPU for 15 s of the first
 * row, then about 27%), which falls on whichever row runs first. The transport's plain
 * publish → consume at the rows' rate until then, discarded, so that every row meets a warm broker.
 */
export async function warmUpBroker(context: BenchContext, durationMs: number): Promise<void> {
  const transport = new PlatformaticTransport({ brokers: context.kafkaBrokers, clientId: 'bench-warm-up' });
  try {
    const started = performance.now();
    await plainLatency(transport, `bench.warm-up.${randomUUID().slice(0, 8)}`, durationMs);
    context.log(`broker warmed up for ${((performance.now() - started) / 1_000).toFixed(0)} s`);
  } finally {
    await transport.close();
  }
}

/**
 * The transport alone: publish each message (coalesced as the relay does), time until the consumer's
 * handler sees it; its p99, and the CPU shares of the measured run.
 */
async function plainLatency(
  transport: Transport,
  topic: string,
  measuredMs = LATENCY_MS,
): Promise<{ p99: number; cpu: string }> {
  await transport.createTopics([{ name: topic, partitions: 3 }]);
  const arrivals = new Map<string, () => void>();
  const subscription = await transport.consume({
    groupId: `${topic}.group`,
    topics: [topic],
    handle: async (batch) => {
      for (const message of batch) arrivals.get(message.headers.ce_id ?? '')?.();
    },
  });
  const publisher = await transport.publisher();
  const sender = new CoalescingSender(publisher);
  try {
    const measure = async (durationMs: number) =>
      openLoop(RATE, durationMs, async () => {
        const message = note(topic);
        const arrived = new Promise<void>((resolve) => arrivals.set(message.headers.ce_id ?? '', resolve));
        await sender.send(message);
        await arrived;
      });
    await measure(WARMUP_MS);
    const cpu = observeCpu();
    const latencies = await measure(measuredMs);
    return { cpu: cpu.stop(), p99: percentile(latencies, 0.99) };
  } finally {
    await publisher.close();
    await subscription.stop();
  }
}

/** A transport whose consumers report when each batch arrives, before the inbox handles it. */
function observingArrivals(inner: Transport, arrived: (ids: string[]) => void): Transport {
  return Object.assign(Object.create(inner) as Transport, {
    consume: (options: Parameters<Transport['consume']>[0]) =>
      inner.consume({
        ...options,
        handle: (batch) => {
          arrived(batch.map((message) => message.headers.ce_id ?? ''));
          return options.handle(batch);
        },
      }),
  });
}

/** The whole path: append (event + outbox row) → relay → transport → inbox consumer's commit. */
async function pipelineLatency(
  pool: Pool,
  transport: Transport,
  topic: string,
): Promise<{ p50: number; p99: number; stages: { p50: number; p99: number }[]; pauses: string }> {
  await transport.createTopics([{ name: topic, partitions: 3 }]);
  const schema = 'pipeline';
  const { groupCommit } = readSettings(process.env);
  const store = await EventStore.open(pool, {
    registry: new EventRegistry(NOTE_DEFINITIONS),
    schema,
    ...(groupCommit ? { groupCommit } : {}),
    integration: integrationMapper('/lintas/bench', notePublications(topic)),
  });
  const timelines = new Map<string, Timeline>();
  const stamp = (ids: readonly string[], stage: keyof Timeline) => {
    const now = performance.now();
    for (const id of ids) {
      const timeline = timelines.get(id);
      if (timeline && timeline[stage] === undefined) timeline[stage] = now;
    }
  };
  const idsOf = (batch: readonly Record<string, string>[]) => batch.map((headers) => headers.ce_id ?? '');
  const relay = new OutboxRelay(pool, transport, {
    schema,
    wakeOn: store.appended,
    idleWaitMs: 50,
    observer: { read: (batch) => stamp(idsOf(batch), 'read'), sent: (batch) => stamp(idsOf(batch), 'sent') },
  });
  const contract = noteRecordedContract(topic);
  const committed = new Map<string, () => void>();
  const consumer = new InboxConsumer(
    pool,
    observingArrivals(transport, (ids) => stamp(ids, 'received')),
    {
      schema: 'pipeline_inbox',
      groupId: `${topic}.group`,
      contracts: new ContractRegistry([contract]),
      deadLetterTopic: `${topic}.dead-letters`,
      handlers: { [contract.type]: async () => undefined },
      onHandled: (event) => committed.get(event.id)?.(),
    },
  );
  relay.start();
  await consumer.start();
  try {
    const measure = async (durationMs: number) => {
      const measured: Timeline[] = [];
      await openLoop(RATE, durationMs, async (n) => {
        const personId = randomUUID();
        const id = randomUUID();
        const timeline: Timeline = {};
        timelines.set(id, timeline);
        const handled = new Promise<void>((resolve) =>
          committed.set(id, () => {
            timeline.handled = performance.now();
            resolve();
          }),
        );
        await store.append(`person-${personId}`, [
          {
            id,
            type: 'NoteRecorded',
            data: { personId, n },
            metadata: {
              occurredAt: new Date().toISOString(),
              correlationId: id,
              causationId: null,
              actor: { agencyId: 'bench', clientId: 'bench' },
              personId,
            },
          },
        ]);
        // From the append's commit, as the issue defines it, to the handler's commit.
        timeline.committed = performance.now();
        await handled;
        measured.push(timeline);
        // Kept until the row ends: the broker's ack (sent) may come after the consumer committed.
        committed.delete(id);
      });
      return measured;
    };
    await measure(WARMUP_MS);
    timelines.clear();
    const pauses = observePauses();
    const cpu = observeCpu();
    const measured = await measure(LATENCY_MS);
    const pausesSeen = `${pauses.stop()}; CPU of a core: ${cpu.stop()}`;
    // A stage ends before the one before it at times (the consumer may commit before the broker's
    // ack reaches the relay): 0 then. One not stamped by the row's end is left out of its stage.
    const span = (from: keyof Timeline, to: keyof Timeline) =>
      measured
        .map((t) => Math.max(0, (t[to] ?? Number.NaN) - (t[from] ?? Number.NaN)))
        .filter((value) => Number.isFinite(value));
    const stages = [
      span('committed', 'read'),
      span('read', 'sent'),
      span('sent', 'received'),
      span('received', 'handled'),
    ].map((values) => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) }));
    const total = span('committed', 'handled');
    return { p50: percentile(total, 0.5), p99: percentile(total, 0.99), stages, pauses: pausesSeen };
  } finally {
    await consumer.stop();
    await relay.stop();
    await store.close();
  }
}
