/**
 * An outbox relay as its own OS process, for the crash tests to kill. Settings, from the environment:
 * DATABASE_URL, KAFKA_BROKERS, TRANSPORT, SCHEMA (the writer's event store schema), CLIENT_ID,
 * BATCH_SIZE, IDLE_WAIT_MS, and PARK_AFTER_BATCHES: when set, the relay stands still after that many
 * acknowledged batches, before deleting the last one from the outbox, so that the test's SIGKILL lands
 * exactly between the broker's acknowledgement and the delete.
 */
// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import { Pool } from 'pg';
import { OutboxRelay } from '@lintas/messaging/outbox/outbox-relay';
import { createTransport } from '@lintas/messaging/transport/transport-factory';
import type { OutgoingMessage, Publisher, Transport } from '@lintas/messaging/transport/transport';
import { holdUntilGo, optional, required, runMain, transportKind, wholeNumber } from './child-settings';
import { report } from './reports';

runMain(async () => {
  await holdUntilGo();
  const clientId = required('CLIENT_ID');
  // application_name lets the test see in pg_stat_activity which relay holds the outbox lock.
  const pool = new Pool({ connectionString: required('DATABASE_URL'), application_name: clientId, max: 4 });
  pool.on('error', (error) => report({ report: 'error', message: error.message }));
  const parkAfter = optional('PARK_AFTER_BATCHES') === undefined ? undefined : wholeNumber('PARK_AFTER_BATCHES', 0);
  const transport = reportingSends(
    createTransport(transportKind(), { brokers: required('KAFKA_BROKERS').split(','), clientId, pool }),
    parkAfter,
  );
  const relay = new OutboxRelay(pool, transport, {
    schema: required('SCHEMA'),
    batchSize: wholeNumber('BATCH_SIZE', 10),
    // No wake-up from appends here, the writer is another process: the relay polls, often.
    idleWaitMs: wholeNumber('IDLE_WAIT_MS', 20),
    onError: (error) => report({ report: 'error', message: error instanceof Error ? error.message : String(error) }),
  });
  relay.start();
  process.once('SIGTERM', () => {
    // A graceful stop: the batch in hand is finished and deleted, the lock let go.
    void (async () => {
      await relay.stop();
      await transport.close();
      await pool.end();
      report({ report: 'stopped' });
      process.exit(0);
    })();
  });
  report({ report: 'ready', pid: process.pid });
});

/**
 * The transport as the relay uses it, telling the test about each acknowledged batch. It changes
 * nothing the relay sees, except that with `parkAfter` the send that completes that batch never
 * returns: the messages are on the broker, the relay waits to delete them, and the test kills it.
 */
function reportingSends(inner: Transport, parkAfter: number | undefined): Transport {
  let batches = 0;
  let total = 0;
  const wrap = (publisher: Publisher): Publisher => ({
    send: async (messages: readonly OutgoingMessage[]) => {
      await publisher.send(messages);
      batches += 1;
      total += messages.length;
      report({ report: 'acked', count: messages.length, total });
      if (batches === parkAfter) {
        report({ report: 'parked', ids: messages.map((m) => m.headers.ce_id ?? '') });
        await new Promise<never>(() => undefined);
      }
    },
    close: () => publisher.close(),
  });
  return {
    name: inner.name,
    createTopics: (topics) => inner.createTopics(topics),
    publisher: async () => wrap(await inner.publisher()),
    consume: (options) => inner.consume(options),
    close: () => inner.close(),
  };
}
