/**
 * An inbox consumer as its own OS process, for the crash tests to kill. Settings, from the
 * environment: DATABASE_URL, KAFKA_BROKERS, TRANSPORT, CLIENT_ID, GROUP_ID, TOPIC, DEAD_LETTER_TOPIC,
 * INBOX_SCHEMA; CHOSEN_ID, an event whose handling is reported; and KILL_AFTER_CHOSEN=1, to SIGKILL
 * this process right after the inbox transaction of the chosen event committed and before the
 * transport commits its offset.
 */
// Before transport-factory, which takes its list from libs/platform's ServiceEnv: that class's
// class-validator decorators call Reflect.getMetadata while the module loads.
import 'reflect-metadata';
import { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { InboxConsumer } from '@lintas/messaging/inbox/inbox-consumer';
import { createTransport } from '@lintas/messaging/transport/transport-factory';
import type { Transport } from '@lintas/messaging/transport/transport';
import { noteRecordedContract } from '../test-contracts';
import { holdUntilGo, optional, required, runMain, transportKind } from './child-settings';
import { recordEffect } from './effects';
import { report } from './reports';

runMain(async () => {
  await holdUntilGo();
  const clientId = required('CLIENT_ID');
  const schema = required('INBOX_SCHEMA');
  const pool = new Pool({ connectionString: required('DATABASE_URL'), application_name: clientId, max: 4 });
  pool.on('error', (error) => report({ report: 'error', message: error.message }));
  const transport = watchingHandledBatches(
    createTransport(transportKind(), { brokers: required('KAFKA_BROKERS').split(','), clientId, pool }),
    optional('CHOSEN_ID'),
    optional('KILL_AFTER_CHOSEN') === '1',
  );
  const contract = noteRecordedContract(required('TOPIC'));
  const consumer = new InboxConsumer(pool, transport, {
    schema,
    groupId: required('GROUP_ID'),
    contracts: new ContractRegistry([contract]),
    deadLetterTopic: required('DEAD_LETTER_TOPIC'),
    handlers: { [contract.type]: recordEffect(schema) },
    backoffMs: () => 10,
    onError: (error) => report({ report: 'error', message: error instanceof Error ? error.message : String(error) }),
  });
  await consumer.start();
  process.once('SIGTERM', () => {
    void (async () => {
      await consumer.stop();
      await transport.close();
      await pool.end();
      report({ report: 'stopped' });
      process.exit(0);
    })();
  });
  report({ report: 'ready', pid: process.pid });
});

/**
 * The transport as the consumer uses it, with a look at the one point the crash test is about.
 * InboxConsumer has no hook after its commit, but the transport's contract gives one: the batch
 * handler it is given resolves only once every message of the batch went through handleOnce, each
 * in its own committed inbox transaction, and the transport commits the batch's offset only after
 * that promise resolves. Code placed right after the consumer's handler therefore runs in exactly
 * the window the standard means: the effect is durable, the offset is not. (Killing from the
 * event handler of the next message would land there only when both messages share a batch; in
 * the next batch the offset is already committed.) Killing here makes the transport deliver the
 * whole batch again, every message of it already in the inbox.
 */
function watchingHandledBatches(inner: Transport, chosenId: string | undefined, kill: boolean): Transport {
  return {
    name: inner.name,
    createTopics: (topics) => inner.createTopics(topics),
    publisher: () => inner.publisher(),
    consume: (options) =>
      inner.consume({
        ...options,
        handle: async (batch) => {
          await options.handle(batch);
          if (chosenId === undefined) return;
          const chosen = batch.find((message) => message.headers.ce_id === chosenId);
          if (!chosen) return;
          report({ report: 'handled-chosen', id: chosenId, partition: chosen.partition, offset: chosen.offset });
          if (kill) {
            process.kill(process.pid, 'SIGKILL');
            // Nothing may run after the signal, least of all the offset commit this promise would lead to.
            await new Promise<never>(() => undefined);
          }
        },
      }),
    close: () => inner.close(),
  };
}
