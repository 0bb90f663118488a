import { randomBytes, randomUUID } from 'node:crypto';
import { INTAKE_TOPIC, PersonsLinkedV1 } from '../../../libs/contracts/src/intake/intake.contracts';
import { toKafkaMessage } from '../../../libs/messaging/src/cloudevents/kafka-binary-binding';
import { PlatformaticTransport } from '../../../libs/messaging/src/transport/platformatic/platformatic-transport';
import type { OutgoingMessage } from '../../../libs/messaging/src/transport/transport';
import { ServiceProcess } from '../../../libs/testing/src/processes/service-process';
import { withFreshDatabase } from '../../harness/databases';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';

const EVENTS = Number(process.env.BENCH_LEDGER_EVENTS ?? 20_000);
const BATCH = 500;

/**
 * Ledger ingest: integration events published in one burst on Kafka, timed until the audit
 * service (built, a process of its own) has every one in its ledger's Merkle tree — inbox,
 * ledger stream, entries read model and tree projection. Raw: the same transport's plain consumer
 * (no database) reading the same burst. Emmett has no ledger: `-`.
 */
export const ledgerSuite: BenchSuite = {
  name: 'ledger',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const raw = await plainConsumerRate(context);
    const lintas = await withFreshDatabase(context.postgresAdminUrl, (databaseUrl) =>
      ledgerIngestRate(context, databaseUrl),
    );
    return [{ metric: `ledger ingest ${EVENTS / 1000}k events`, unit: 'events/s', lintas, raw, emmett: null }];
  },
};

/** Events as intake publishes them (PersonsLinked: ids and an agency, no personal data), one person each. */
function burst(prefix: string): OutgoingMessage[] {
  return Array.from({ length: EVENTS }, () => {
    const personId = randomUUID();
    return toKafkaMessage(
      {
        specversion: '1.0',
        id: randomUUID(),
        source: '/lintas/intake',
        type: PersonsLinkedV1.type,
        time: new Date().toISOString(),
        subject: personId,
        datacontenttype: 'application/json',
        correlationid: randomUUID(),
        actoragencyid: 'dinsos-3507',
        actorclientid: 'dinsos-3507-1',
        data: { survivorPersonId: personId, linkedPersonId: randomUUID(), decidedBy: 'dinsos-3507' },
      },
      `${prefix}${INTAKE_TOPIC}`,
      personId,
    );
  });
}

async function publish(transport: PlatformaticTransport, messages: OutgoingMessage[]): Promise<void> {
  const publisher = await transport.publisher();
  for (let i = 0; i < messages.length; i += BATCH) await publisher.send(messages.slice(i, i + BATCH));
  await publisher.close();
}

async function ledgerIngestRate(context: BenchContext, databaseUrl: string): Promise<number> {
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const audit = await ServiceProcess.start('audit', {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: context.kafkaBrokers.join(','),
    TOPIC_PREFIX: prefix,
    MESSAGING_TRANSPORT: 'platformatic',
    LOG_LEVEL: 'warn',
  });
  const transport = new PlatformaticTransport({ brokers: context.kafkaBrokers, clientId: 'bench-ledger' });
  try {
    await audit.ready(60_000);
    const messages = burst(prefix);
    const started = performance.now();
    await publish(transport, messages);
    for (;;) {
      const head = (await (await fetch(`${audit.url}/ledger/tree-head`)).json()) as { treeSize: number };
      if (head.treeSize >= EVENTS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1_000;
    context.log(`ledger: ${EVENTS} events in the audit service's tree in ${seconds.toFixed(1)} s`);
    return EVENTS / seconds;
  } finally {
    await transport.close();
    await audit.stop('SIGTERM');
  }
}

async function plainConsumerRate(context: BenchContext): Promise<number> {
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const transport = new PlatformaticTransport({ brokers: context.kafkaBrokers, clientId: 'bench-ledger-raw' });
  try {
    await transport.createTopics([{ name: `${prefix}${INTAKE_TOPIC}`, partitions: 6 }]);
    let received = 0;
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    const subscription = await transport.consume({
      groupId: `${prefix}raw`,
      topics: [`${prefix}${INTAKE_TOPIC}`],
      handle: async (batch) => {
        received += batch.length;
        if (received >= EVENTS) done();
      },
    });
    const started = performance.now();
    await publish(transport, burst(prefix));
    await all;
    const seconds = (performance.now() - started) / 1_000;
    context.log(`ledger raw: ${EVENTS} events consumed by a plain consumer in ${seconds.toFixed(1)} s`);
    await subscription.stop();
    return EVENTS / seconds;
  } finally {
    await transport.close();
  }
}
