import { randomUUID } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { describeTransportContract } from '../../../test/transport-contract';
import type { IncomingMessage, OutgoingMessage, Subscription, Transport } from '../transport';
import { PgLogTransport, type PgLogTransportOptions } from './pg-log-transport';

const infra = useRealInfrastructure();

/**
 * A pool whose idle connections may die unheard. The harness drops the database WITH (FORCE) right
 * after ending its pools, and pg-pool's end() resolves before its connections have closed: the
 * server's "terminating connection" then reaches an idle client and, unheard, fails the file.
 */
function pool(config: PoolConfig = {}): Pool {
  const created = infra.createPool(config);
  created.on('error', () => undefined);
  return created;
}

describeTransportContract('pg-log', () => ({
  open: async () => new PgLogTransport({ pool: pool() }),
  topicName: (name) => infra.topics.name(name),
}));

describe('pg-log transport, in PostgreSQL', () => {
  const opened: Transport[] = [];
  /** For what the tests do to the database behind the transport's back. */
  let sql: Pool;
  beforeAll(() => {
    sql = pool({ max: 2 });
  });
  afterAll(() => Promise.all(opened.map((transport) => transport.close())));

  const open = (options: Omit<PgLogTransportOptions, 'pool'> = {}): PgLogTransport => {
    const transport = new PgLogTransport({ pool: pool(), ...options });
    opened.push(transport);
    return transport;
  };

  const message = (topic: string, key: string, n: number): OutgoingMessage => ({
    topic,
    key,
    value: Buffer.from(String(n)),
    headers: { ce_id: `${key}-${n}` },
  });

  const ids = (messages: IncomingMessage[]): string[] => messages.map((m) => m.headers.ce_id ?? '');

  /** A consumer that records what it was given, and can wait until it has seen some number of messages. */
  async function consumer(
    transport: Transport,
    topic: string,
    groupId: string,
  ): Promise<{
    received: IncomingMessage[];
    until(count: number, ms?: number): Promise<void>;
    subscription: Subscription;
  }> {
    const received: IncomingMessage[] = [];
    const subscription = await transport.consume({
      groupId,
      topics: [topic],
      handle: async (batch) => {
        received.push(...batch);
      },
    });
    const until = async (count: number, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while (received.length < count && Date.now() < deadline) await sleep(5);
    };
    return { received, until, subscription };
  }

  /** How many of the topic's messages the group has stored as handled. */
  async function committed(groupId: string, topic: string): Promise<number> {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM message_log.messages m
         JOIN message_log.group_offsets o ON o.group_id = $1 AND o.topic = m.topic AND o.partition = m.partition
        WHERE m.topic = $2 AND (m.transaction_id, m.sequence) <= (o.transaction_id, o.sequence)`,
      [groupId, topic],
    );
    return rows[0]?.n ?? 0;
  }

  async function eventually(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await condition()) && Date.now() < deadline) await sleep(20);
  }

  it('does not skip a message whose transaction commits after a later one', async () => {
    const transport = open();
    const topic = `late-${randomUUID()}`;
    await transport.createTopics([{ name: topic, partitions: 1 }]);
    const reader = await consumer(transport, topic, `g-${randomUUID()}`);

    const slow = await sql.connect();
    try {
      await slow.query('BEGIN');
      // Written as a publisher writes, so the reader knows the transaction may still commit.
      await slow.query(
        `SELECT message_log.append_messages(ARRAY[$1], ARRAY[0], ARRAY['k'], ARRAY[$2::bytea], ARRAY['{"ce_id":"k-1"}'::jsonb])`,
        [topic, Buffer.from('1')],
      );
      const publisher = await transport.publisher();
      await publisher.send([message(topic, 'k', 2)]);
      await publisher.close();
      // The later message is committed and notified, but must wait for the earlier transaction.
      await sleep(600);
      expect(ids(reader.received)).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }

    await reader.until(2);
    await reader.subscription.stop();
    expect(ids(reader.received)).toEqual(['k-1', 'k-2']);
  });

  it('is not held up by a transaction left open in another database or in another schema', async () => {
    const transport = open();
    const topic = `held-${randomUUID()}`;
    await transport.createTopics([{ name: topic, partitions: 1 }]);
    const reader = await consumer(transport, topic, `g-${randomUUID()}`);
    const elsewhere = new URL(infra.databaseUrl);
    elsewhere.pathname = '/postgres';
    const otherDatabase = new Pool({ connectionString: elsewhere.toString(), max: 1 });
    const held = [await otherDatabase.connect(), await pool({ max: 1 }).connect()];
    try {
      const [inOtherDatabase, inOtherSchema] = held;
      await inOtherDatabase?.query('BEGIN');
      await inOtherDatabase?.query('SELECT pg_current_xact_id()');
      await inOtherSchema?.query('BEGIN');
      await inOtherSchema?.query('CREATE SCHEMA IF NOT EXISTS someone_else');
      await inOtherSchema?.query('CREATE TABLE IF NOT EXISTS someone_else.notes (n integer)');
      await inOtherSchema?.query('INSERT INTO someone_else.notes VALUES (1)');
      const publisher = await transport.publisher();
      await publisher.send([message(topic, 'k', 1)]);
      await publisher.close();

      await reader.until(1);
      expect(ids(reader.received)).toEqual(['k-1']);
    } finally {
      for (const client of held) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
      await otherDatabase.end();
      await reader.subscription.stop();
    }
  });

  it('lets a standby member take over where the active one stopped, without delivering anything twice', async () => {
    const topic = `standby-${randomUUID()}`;
    const groupId = `g-${randomUUID()}`;
    const first = open();
    const second = open();
    await first.createTopics([{ name: topic, partitions: 2 }]);
    const active = await consumer(first, topic, groupId);
    const publisher = await first.publisher();
    await publisher.send([1, 2, 3].map((n) => message(topic, `k${n % 2}`, n)));
    await active.until(3);
    const standby = await consumer(second, topic, groupId);

    await publisher.send([message(topic, 'k0', 4)]);
    await active.until(4);
    await sleep(200);
    expect(standby.received).toEqual([]);

    await active.subscription.stop();
    await publisher.send([5, 6].map((n) => message(topic, `k${n % 2}`, n)));
    await publisher.close();
    await standby.until(2);
    await sleep(300);
    await standby.subscription.stop();
    expect(ids(active.received).sort()).toEqual(['k0-4', 'k0-2', 'k1-1', 'k1-3'].sort());
    expect(ids(standby.received).sort()).toEqual(['k0-6', 'k1-5']);
  });

  it('lets a standby member take over when the active one loses its connection', async () => {
    const topic = `lost-${randomUUID()}`;
    const groupId = `g-${randomUUID()}`;
    const errors: unknown[] = [];
    const first = open({ pollIntervalMs: 200, onError: (error) => errors.push(error) });
    const second = open({ pollIntervalMs: 200 });
    await first.createTopics([{ name: topic, partitions: 2 }]);
    const active = await consumer(first, topic, groupId);
    const publisher = await first.publisher();
    await publisher.send([1, 2].map((n) => message(topic, `k${n % 2}`, n)));
    await eventually(async () => (await committed(groupId, topic)) === 2);
    const standby = await consumer(second, topic, groupId);
    await sleep(300);

    // Only the active member holds a (group, topic) lock in this database: one bigint key. The
    // publishers' writer locks are pairs of integers (objsubid 2).
    const killed = await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND objsubid = 1 AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(killed.rowCount).toBe(1);
    await publisher.send([3, 4].map((n) => message(topic, `k${n % 2}`, n)));
    await publisher.close();
    await eventually(async () => (await committed(groupId, topic)) === 4);
    await Promise.all([active.subscription.stop(), standby.subscription.stop()]);

    expect(ids([...active.received, ...standby.received]).sort()).toEqual(['k0-2', 'k0-4', 'k1-1', 'k1-3']);
    expect(errors).not.toHaveLength(0);
  });

  it("stores a group's offsets at most every 100 ms, not once a round, and the last ones as it stops", async () => {
    const transport = open();
    const topic = `offsets-${randomUUID()}`;
    const groupId = `g-${randomUUID()}`;
    await transport.createTopics([{ name: topic, partitions: 1 }]);
    // Each statement that writes the group's offsets leaves its transaction id here.
    await sql.query(
      'CREATE TABLE IF NOT EXISTS offset_writes (group_id text NOT NULL, transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id())',
    );
    await sql.query(`CREATE OR REPLACE FUNCTION note_offset_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO offset_writes (group_id) VALUES (NEW.group_id); RETURN NEW; END $$`);
    await sql.query(`CREATE OR REPLACE TRIGGER offset_writes AFTER INSERT OR UPDATE ON message_log.group_offsets
      FOR EACH ROW EXECUTE FUNCTION note_offset_write()`);
    try {
      const reader = await consumer(transport, topic, groupId);
      const publisher = await transport.publisher();
      const started = performance.now();
      // One message a round: each is handled before the next is published.
      for (let n = 1; n <= 40; n += 1) {
        await publisher.send([message(topic, 'k', n)]);
        await reader.until(n);
      }
      const elapsed = performance.now() - started;
      await reader.subscription.stop();
      await publisher.close();

      const { rows } = await sql.query<{ writes: number }>(
        'SELECT count(DISTINCT transaction_id)::int AS writes FROM offset_writes WHERE group_id = $1',
        [groupId],
      );
      expect(reader.received).toHaveLength(40);
      expect(await committed(groupId, topic)).toBe(40);
      expect(rows[0]?.writes).toBeGreaterThan(0);
      expect(rows[0]?.writes).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 2);
    } finally {
      await sql.query('DROP TRIGGER offset_writes ON message_log.group_offsets');
    }
  });

  it('wakes a consumer by notification, well before its poll interval', async () => {
    const consuming = open({ pollIntervalMs: 5_000 });
    const publishing = open({ pollIntervalMs: 5_000 });
    const topic = `wake-${randomUUID()}`;
    await publishing.createTopics([{ name: topic, partitions: 3 }]);
    const reader = await consumer(consuming, topic, `g-${randomUUID()}`);
    const publisher = await publishing.publisher();

    // The first message shows the consumer is running; the second comes when it sits idle.
    await publisher.send([message(topic, 'a', 1)]);
    await reader.until(1);
    await sleep(100);
    const sent = Date.now();
    await publisher.send([message(topic, 'b', 2)]);
    await reader.until(2, 4_000);
    const latency = Date.now() - sent;
    await publisher.close();
    await reader.subscription.stop();

    expect(ids(reader.received)).toEqual(['a-1', 'b-2']);
    expect(latency).toBeLessThan(500);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
