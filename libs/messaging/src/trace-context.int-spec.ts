import { randomUUID } from 'node:crypto';
import { context, SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import type { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { EventStore } from '@lintas/event-store/event-store';
import { startTracing } from '@lintas/platform/tracing/tracing';
import { eventually } from '@lintas/testing/eventually';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { NOTE_DEFINITIONS, noteRecordedContract, notePublications } from '../test/test-contracts';
import { InboxConsumer, type ConsumedOutcome } from './inbox/inbox-consumer';
import { integrationMapper } from './outbox/integration-mapper';
import { OutboxRelay } from './outbox/outbox-relay';
import { relaySpans } from './outbox/relay-spans';
import { createTransport } from './transport/transport-factory';
import type { Transport } from './transport/transport';

/**
 * One trace per hand-over (docs/architecture.md, "Traces"): the outbox row carries the trace its
 * event was stored in, the relay's send and the consumer's handling continue it, and what the
 * reaction appends and publishes carries it on, each event of a batch in its own trace.
 */
const spans = new InMemorySpanExporter();
startTracing({ serviceName: 'trace-test', spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] });
const tracer = trace.getTracer('test');

const infra = useRealInfrastructure();
const WRITER = 'traced_writer';
const READER = 'traced_reader';

let pool: Pool;
let transport: Transport;
let writer: EventStore;
let reader: EventStore;
let topic: string;

beforeAll(async () => {
  pool = infra.createPool({ max: 20 });
  topic = infra.topics.name('traced-notes');
  transport = createTransport('platformatic', { brokers: infra.kafkaBrokers, clientId: 'trace-test', pool });
  await transport.createTopics([
    { name: topic, partitions: 1 },
    { name: infra.topics.name('traced-dead-letters'), partitions: 1 },
  ]);
  const registry = new EventRegistry(NOTE_DEFINITIONS);
  writer = await EventStore.open(pool, {
    registry,
    schema: WRITER,
    integration: integrationMapper('/lintas/trace-writer', notePublications(topic)),
  });
  // What the reaction appends is published too: its outbox rows stay, as nothing relays them.
  reader = await EventStore.open(pool, {
    registry,
    schema: READER,
    integration: integrationMapper('/lintas/trace-reader', notePublications(infra.topics.name('reader-notes'))),
  });
});

afterAll(async () => {
  await transport.close();
  await writer.close();
  await reader.close();
});

function note(personId: string, n: number, id = randomUUID()) {
  return {
    id,
    type: 'NoteRecorded',
    data: { personId, n },
    metadata: {
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      actor: { agencyId: 'test', clientId: 'test' },
      personId,
    },
  };
}

async function outboxHeaders(schema: string, eventId: string): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ headers: Record<string, string> }>(
    `SELECT headers FROM ${schema}.outbox WHERE headers->>'ce_id' = $1`,
    [eventId],
  );
  if (!rows[0]) throw new Error(`no outbox row for ${eventId} in ${schema}`);
  return rows[0].headers;
}

const finished = (name: string, parent?: SpanContext): ReadableSpan[] =>
  spans
    .getFinishedSpans()
    .filter((span) => span.name === name && (!parent || span.parentSpanContext?.spanId === parent.spanId));

function only(name: string, parent: SpanContext): ReadableSpan {
  const found = finished(name, parent);
  if (found.length !== 1) throw new Error(`expected one ${name} span under ${parent.spanId}, found ${found.length}`);
  return found[0];
}

const traceparent = (span: SpanContext) => `00-${span.traceId}-${span.spanId}-01`;

describe('the outbox row', () => {
  it("carries the active span's trace as ce_traceparent, through the append's own span", async () => {
    const id = randomUUID();
    const request = await tracer.startActiveSpan('request', async (span) => {
      await writer.append(`person-${randomUUID()}`, [note(randomUUID(), 1, id)]);
      span.end();
      return span.spanContext();
    });
    const append = only('EventStore.append', request);
    expect(append.spanContext().traceId).toBe(request.traceId);
    expect((await outboxHeaders(WRITER, id)).ce_traceparent).toBe(traceparent(append.spanContext()));
  });

  it('does so for an append within a caller’s transaction too', async () => {
    const id = randomUUID();
    const request = await tracer.startActiveSpan('request', async (span) => {
      await writer.transaction((client) =>
        writer.appendWithin(client, `person-${randomUUID()}`, [note(randomUUID(), 1, id)]),
      );
      span.end();
      return span.spanContext();
    });
    const append = only('EventStore.appendWithin', request);
    expect((await outboxHeaders(WRITER, id)).ce_traceparent).toBe(traceparent(append.spanContext()));
  });
});

describe('a hand-over', () => {
  it('continues in the relay, the consumer and what the reaction appends, each event of a batch in its own trace', async () => {
    // Stored before anything relays or consumes them, so that they travel in one batch.
    const personId = randomUUID();
    const sent: { id: string; request: SpanContext }[] = [];
    for (let n = 1; n <= 3; n += 1) {
      const id = randomUUID();
      const request = await tracer.startActiveSpan('request', { root: true }, async (span) => {
        await writer.append(`person-${personId}`, [note(personId, n, id)]);
        span.end();
        return span.spanContext();
      });
      sent.push({ id, request });
    }
    const inHandler = new Map<string, SpanContext | undefined>();
    /** By the id of the event handled, the id of what its reaction appended. */
    const appended = new Map<string, string>();
    const reported: { id: string; outcome: ConsumedOutcome; traceId?: string }[] = [];
    const contract = noteRecordedContract(topic);
    const relay = new OutboxRelay(pool, transport, {
      schema: WRITER,
      wakeOn: writer.appended,
      observer: relaySpans(transport.name),
    });
    const consumer = new InboxConsumer(pool, transport, {
      schema: READER,
      groupId: 'trace-reader',
      contracts: new ContractRegistry([contract]),
      deadLetterTopic: infra.topics.name('traced-dead-letters'),
      handlers: {
        [contract.type]: async (event, tx) => {
          inHandler.set(event.id, trace.getActiveSpan()?.spanContext());
          // The reaction's command: its event and outbox row, in the inbox's transaction.
          const id = randomUUID();
          await reader.appendWithin(tx, `reaction-${event.id}`, [note(personId, 0, id)]);
          appended.set(event.id, id);
        },
      },
      onConsumed: (event, outcome) =>
        reported.push({ id: event.id, outcome, traceId: trace.getSpanContext(context.active())?.traceId }),
    });
    relay.start();
    await consumer.start();
    try {
      // The rows of the tests above travel too.
      await eventually(
        async () => sent.filter(({ id }) => inHandler.has(id)).length,
        (handled) => handled === sent.length,
      );
    } finally {
      await consumer.stop();
      await relay.stop();
    }

    expect(new Set(sent.map((one) => one.request.traceId)).size).toBe(sent.length);
    for (const { id, request } of sent) {
      const append = only('EventStore.append', request);
      const send = only(`send ${contract.type}`, append.spanContext());
      expect(send.kind).toBe(SpanKind.PRODUCER);
      const process = only(`process ${contract.type}`, append.spanContext());
      expect(process).toMatchObject({ kind: SpanKind.CONSUMER });
      expect(process.spanContext().traceId).toBe(request.traceId);
      expect(process.attributes).toMatchObject({ 'cloudevents.event_id': id, 'messaging.destination.name': topic });
      expect(inHandler.get(id)).toEqual(process.spanContext());
      const reaction = only('EventStore.appendWithin', process.spanContext());
      expect((await outboxHeaders(READER, appended.get(id) ?? '')).ce_traceparent).toBe(
        traceparent(reaction.spanContext()),
      );
      expect(reported).toContainEqual({ id, outcome: 'reacted', traceId: request.traceId });
    }
  });
});
