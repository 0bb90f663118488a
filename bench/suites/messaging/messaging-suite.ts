import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { createTransport, TRANSPORTS, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { OutgoingMessage, Transport } from '@lintas/messaging/transport/transport';
import { NOTE_DEFINITIONS, noteRecordedContract, notePublications } from '../../../libs/messaging/test/test-contracts';
import { withFreshDatabase } from '../../harness/databases';
import { median } from '../../harness/stats';
import { openLoop } from '../../harness/open-loop';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { CoalescingSender } from './coalescing-sender';

const RELAY_EVENTS = 20_000;
const RELAY_BATCH = 500;
const RUNS = 3;
const RATE = 1_000;
const LATENCY_MS = 10_000;
const WARMUP_MS = 2_000;
// About the size of a pickup report as a CloudEvent's data.
const PADDING = randomBytes(300).toString('hex');

/**
 * The messaging rows: how fast the outbox relay drains into Kafka beside the same client's plain
 * producer, and the latency from an append's commit to the consuming handler's commit beside the
 * same transport's plain publish → consume, for each transport. Emmett has no outbox relay to
 * Kafka, so its column stays null here.
 */
export const messagingSuite: BenchSuite = {
  name: 'messaging',
  async run(context) {
    const rows: ResultRow[] = [];
    for (const kind of ['kafkajs', 'platformatic'] as const) rows.push(await relayRow(context, kind));
    for (const kind of TRANSPORTS) rows.push(await latencyRow(context, kind));
    return rows;
  },
};

async function relayRow(context: BenchContext, kind: 'kafkajs' | 'platformatic'): Promise<ResultRow> {
  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    const pool = benchPool(databaseUrl, 10);
    const transport = createTransport(kind, { brokers: context.kafkaBrokers, clientId: `bench-${kind}`, pool });
    try {
      const lintas: number[] = [];
      const raw: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const topic = `bench.relay.${kind}.${randomUUID().slice(0, 8)}`;
        await transport.createTopics([{ name: topic, partitions: 3 }]);
        const messages = notes(topic, RELAY_EVENTS);
        raw.push(await plainProducerRate(transport, messages));
        lintas.push(await relayRate(pool, transport, `relay_${run}`, messages));
        context.log(
          `relay ${kind} run ${run + 1}: lintas ${Math.round(lintas.at(-1) ?? 0)}/s, raw ${Math.round(raw.at(-1) ?? 0)}/s`,
        );
      }
      return {
        metric: `relay to kafka (${kind})`,
        unit: 'events/s',
        lintas: median(lintas),
        raw: median(raw),
        emmett: null,
      };
    } finally {
      await transport.close();
      await pool.end();
    }
  });
}

/** pool.end() resolves before its connections close, so the forced drop of the database may end some: expected. */
function benchPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => undefined);
  return pool;
}

function notes(topic: string, count: number): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const personId = randomUUID();
    return {
      topic,
      key: personId,
      value: Buffer.from(JSON.stringify({ personId, n: i, padding: PADDING })),
      headers: {
        ce_specversion: '1.0',
        ce_id: randomUUID(),
        ce_source: '/lintas/bench',
        ce_type: 'id.lintas.bench.v1',
        ce_time: new Date().toISOString(),
        'content-type': 'application/json',
      },
    };
  });
}

async function plainProducerRate(transport: Transport, messages: OutgoingMessage[]): Promise<number> {
  const publisher = await transport.publisher();
  try {
    const started = performance.now();
    for (let i = 0; i < messages.length; i += RELAY_BATCH) await publisher.send(messages.slice(i, i + RELAY_BATCH));
    return messages.length / ((performance.now() - started) / 1_000);
  } finally {
    await publisher.close();
  }
}

/** Fills an outbox with the messages, then times the relay from start until the outbox is empty. */
async function relayRate(
  pool: Pool,
  transport: Transport,
  schema: string,
  messages: OutgoingMessage[],
): Promise<number> {
  const store = await EventStore.open(pool, { registry: new EventRegistry(NOTE_DEFINITIONS), schema });
  await store.close();
  for (let i = 0; i < messages.length; i += 5_000) {
    const slice = messages.slice(i, i + 5_000);
    await pool.query(
      `INSERT INTO ${schema}.outbox (topic, key, headers, value) SELECT * FROM unnest($1::text[], $2::text[], $3::json[], $4::bytea[])`,
      [
        slice.map((m) => m.topic),
        slice.map((m) => m.key),
        slice.map((m) => JSON.stringify(m.headers)),
        slice.map((m) => m.value),
      ],
    );
  }
  const relay = new OutboxRelay(pool, transport, { schema, batchSize: RELAY_BATCH, idleWaitMs: 5 });
  const started = performance.now();
  relay.start();
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox`);
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const elapsed = performance.now() - started;
  await relay.stop();
  return messages.length / (elapsed / 1_000);
}

async function latencyRow(context: BenchContext, kind: TransportKind): Promise<ResultRow> {
  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    const pool = benchPool(databaseUrl, 20);
    const transport = createTransport(kind, { brokers: context.kafkaBrokers, clientId: `bench-${kind}`, pool });
    try {
      const raw = await plainLatencyP99(transport, `bench.plain.${kind}.${randomUUID().slice(0, 8)}`);
      const lintas = await pipelineLatencyP99(pool, transport, `bench.pipeline.${kind}.${randomUUID().slice(0, 8)}`);
      context.log(`publish-consume ${kind}: lintas p99 ${lintas.toFixed(1)} ms, raw p99 ${raw.toFixed(1)} ms`);
      return { metric: `publish-consume p99 at 1000/s (${kind})`, unit: 'ms', lintas, raw, emmett: null };
    } finally {
      await transport.close();
      await pool.end();
    }
  });
}

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
}

/** The transport alone: publish each message (coalesced as the relay does), time until the consumer's handler sees it. */
async function plainLatencyP99(transport: Transport, topic: string): Promise<number> {
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
        const [message] = notes(topic, 1);
        if (!message) return;
        const arrived = new Promise<void>((resolve) => arrivals.set(message.headers.ce_id ?? '', resolve));
        await sender.send(message);
        await arrived;
      });
    await measure(WARMUP_MS);
    return p99(await measure(LATENCY_MS));
  } finally {
    await publisher.close();
    await subscription.stop();
  }
}

/** The whole path: append (event + outbox row) → relay → transport → inbox consumer's commit. */
async function pipelineLatencyP99(pool: Pool, transport: Transport, topic: string): Promise<number> {
  await transport.createTopics([{ name: topic, partitions: 3 }]);
  const schema = 'pipeline';
  const store = await EventStore.open(pool, {
    registry: new EventRegistry(NOTE_DEFINITIONS),
    schema,
    integration: integrationMapper('/lintas/bench', notePublications(topic)),
  });
  const relay = new OutboxRelay(pool, transport, { schema, wakeOn: store.appended, idleWaitMs: 50 });
  const contract = noteRecordedContract(topic);
  const committed = new Map<string, () => void>();
  const consumer = new InboxConsumer(pool, transport, {
    schema: 'pipeline_inbox',
    groupId: `${topic}.group`,
    contracts: new ContractRegistry([contract]),
    deadLetterTopic: `${topic}.dead-letters`,
    handlers: { [contract.type]: async () => undefined },
    onHandled: (event) => committed.get(event.id)?.(),
  });
  relay.start();
  await consumer.start();
  try {
    const measure = async (durationMs: number) => {
      const latencies: number[] = [];
      await openLoop(RATE, durationMs, async (n) => {
        const personId = randomUUID();
        const id = randomUUID();
        const handled = new Promise<number>((resolve) => committed.set(id, () => resolve(performance.now())));
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
        const appendCommitted = performance.now();
        latencies.push((await handled) - appendCommitted);
      });
      return latencies;
    };
    await measure(WARMUP_MS);
    return p99(await measure(LATENCY_MS));
  } finally {
    await consumer.stop();
    await relay.stop();
    await store.close();
  }
}
