import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ContractRegistry } from '@lintas/contracts/contract-registry';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { noteMessage, noteRecordedContract } from '../../test/test-contracts';
import { createTransport } from '../transport/transport-factory';
import type { ConsumeOptions, IncomingMessage, Transport } from '../transport/transport';
import { InboxConsumer } from './inbox-consumer';

const infra = useRealInfrastructure();

/**
 * The consumer over the PostgreSQL log, with its batches handed over by the test: so that two
 * partitions' batches arrive in one turn, as a fetch brings them, which the broker cannot be told to do.
 */
describe('the inbox consumer, given several partitions’ batches at once', () => {
  const schema = 'gathering_reader';
  let pool: Pool;
  let transport: Transport;
  let consumer: InboxConsumer;
  let handle: ConsumeOptions['handle'];
  const topic = 'notes-gathered';
  const contract = noteRecordedContract(topic);
  const failing = new Set<string>();
  const attempts = new Map<string, number>();
  let offset = 0;

  beforeAll(async () => {
    pool = infra.createPool({ max: 10 });
    const inner = createTransport('pg-log', { brokers: [], clientId: 'test-gathering', pool });
    await inner.createTopics([
      { name: topic, partitions: 2 },
      { name: `${topic}.dead-letters`, partitions: 1 },
    ]);
    transport = Object.assign(Object.create(inner) as Transport, {
      consume: async (options: ConsumeOptions) => {
        handle = options.handle;
        return { stop: async () => undefined };
      },
    });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await pool.query(`CREATE TABLE ${schema}.effects (event_id text, n int, transaction_id xid8)`);
    consumer = new InboxConsumer(pool, transport, {
      schema,
      groupId: 'gathering',
      contracts: new ContractRegistry([contract]),
      deadLetterTopic: `${topic}.dead-letters`,
      handlers: {
        [contract.type]: async (event, tx) => {
          const { personId, n } = event.data as { personId: string; n: number };
          attempts.set(personId, (attempts.get(personId) ?? 0) + 1);
          if (failing.has(personId)) throw new Error('the registry of persons is unavailable');
          await tx.query(`INSERT INTO ${schema}.effects VALUES ($1, $2, pg_current_xact_id())`, [event.id, n]);
        },
      },
      maxAttempts: 2,
      backoffMs: () => 1,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await transport.close();
  });

  function note(partition: number, personId: string, n: number): IncomingMessage {
    const message = noteMessage(topic, '/lintas/test-writer', personId, { personId, n });
    return { ...message, key: message.key ?? null, partition, offset: String((offset += 1)) };
  }

  const effects = async (messages: IncomingMessage[]) =>
    (
      await pool.query<{ n: number; transaction_id: string }>(
        `SELECT n, transaction_id::text FROM ${schema}.effects WHERE event_id = ANY($1) ORDER BY n`,
        [messages.map((m) => m.headers.ce_id)],
      )
    ).rows;

  it('handles them in one transaction', async () => {
    const first = [note(0, randomUUID(), 1), note(0, randomUUID(), 2)];
    const second = [note(1, randomUUID(), 3)];
    await Promise.all([handle(first), handle(second)]);
    const applied = await effects([...first, ...second]);
    expect(applied.map((row) => row.n)).toEqual([1, 2, 3]);
    expect(new Set(applied.map((row) => row.transaction_id)).size).toBe(1);
  });

  it('handles each alone when one of them fails, the others once, and applies an event it had already once', async () => {
    const stuck = randomUUID();
    failing.add(stuck);
    const healthy = [note(0, randomUUID(), 4)];
    const already = note(1, randomUUID(), 5);
    await handle([already]);
    const withFailure = [note(1, randomUUID(), 6), note(1, stuck, 7)];
    const again = [{ ...already, offset: String((offset += 1)) }];
    await Promise.all([handle(healthy), handle(withFailure), handle(again)]);
    expect((await effects([...healthy, already, ...withFailure])).map((row) => row.n)).toEqual([4, 5, 6]);
    const { rows } = await pool.query<{ reason: string }>(
      `SELECT reason FROM ${schema}.dead_letters WHERE headers->>'ce_id' = $1`,
      [withFailure[1]?.headers.ce_id],
    );
    expect(rows).toEqual([{ reason: 'failed-after-retries' }]);
    // Once with the others, then maxAttempts alone: not once more for its batch.
    expect(attempts.get(stuck)).toBe(1 + 2);
  });
});
