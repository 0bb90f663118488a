import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { createTransport, TRANSPORTS, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import type { OutgoingMessage, Transport } from '@lintas/messaging/transport/transport';
import { NOTE_DEFINITIONS } from '../../../libs/messaging/test/test-contracts';
import { withFreshDatabase } from '../../harness/databases';
import { median } from '../../harness/stats';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { type Condition, handoverLatencyRow, warmUpBroker } from './handover-latency';

const RELAY_EVENTS = 20_000;
const RELAY_BATCH = 500;
const RUNS = 3;
/** Long enough for a fresh broker's JIT to settle (see warmUpBroker). */
const BROKER_WARM_UP_MS = 20_000;
const CONDITIONS: Condition[] = ['quiet', 'cpu-heavy', 'held-other-database', 'held-other-schema'];
/** `BENCH_CONDITIONS=quiet,cpu-heavy` runs the hand-over rows under those conditions only. */
const conditions = (): Condition[] => {
  const chosen = process.env.BENCH_CONDITIONS?.split(',').filter(Boolean) ?? [];
  const unknown = chosen.filter((name) => !(CONDITIONS as string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`no condition ${unknown.join(', ')}; the conditions: ${CONDITIONS.join(', ')}`);
  return chosen.length === 0 ? CONDITIONS : CONDITIONS.filter((condition) => chosen.includes(condition));
};
/** `BENCH_TRANSPORTS=platformatic` runs the hand-over rows over those transports only. */
const transports = (): TransportKind[] => {
  const chosen = process.env.BENCH_TRANSPORTS?.split(',').filter(Boolean) ?? [];
  const unknown = chosen.filter((name) => !(TRANSPORTS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`no transport ${unknown.join(', ')}; the transports: ${TRANSPORTS.join(', ')}`);
  return chosen.length === 0 ? [...TRANSPORTS] : TRANSPORTS.filter((kind) => chosen.includes(kind));
};
// About the size of a pickup report as a CloudEvent's data.
const PADDING = randomBytes(300).toString('hex');

/**
 * The messaging rows: how fast the outbox relay drains into Kafka beside the same client's plain
 * producer, and the latency from an append's commit to the consuming handler's commit beside the
 * same transport's plain publish → consume, for each transport, on a quiet machine, beside a
 * CPU-heavy process and beside someone else's write transaction held open. Emmett has no outbox
 * relay to Kafka, so its column stays null here.
 */
export const messagingSuite: BenchSuite = {
  name: 'messaging',
  async run(context) {
    const rows: ResultRow[] = [];
    if (process.env.BENCH_CONDITIONS === undefined) {
      for (const kind of ['kafkajs', 'platformatic'] as const) rows.push(await relayRow(context, kind));
    }
    await warmUpBroker(context, BROKER_WARM_UP_MS);
    for (const condition of conditions()) {
      for (const kind of transports()) rows.push(await handoverLatencyRow(context, kind, condition));
    }
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
