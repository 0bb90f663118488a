import type { Pool } from 'pg';
import { DEFAULT_PG_LOG_SCHEMA } from '../transport/pg-log/pg-log-schema';
import type { ConsumerLagReader, PartitionLag, WatchedTopic } from './consumer-lag';

/**
 * A group's lag on the PostgreSQL message log: the committed messages of each partition after the
 * group's stored offset (from the first message when it has none). Messages still behind a
 * running writer count: they wait for the consumer as much as the others.
 */
export class PgLogConsumerLag implements ConsumerLagReader {
  constructor(
    private readonly pool: Pool,
    private readonly groupId: string,
    private readonly topics: readonly WatchedTopic[],
  ) {}

  async read(): Promise<PartitionLag[]> {
    // createTransport's pg-log transport keeps its log in the default schema.
    const s = DEFAULT_PG_LOG_SCHEMA;
    const { rows } = await this.pool.query<{ topic: string; partition: number; messages: number }>(
      `SELECT t.name AS topic, p.partition,
              (SELECT count(*)::int FROM ${s}.messages m
                WHERE m.topic = t.name AND m.partition = p.partition
                  AND (m.transaction_id, m.sequence) > (coalesce(o.transaction_id, '0'::xid8), coalesce(o.sequence, 0))
              ) AS messages
         FROM ${s}.topics t
        CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS p(partition)
         LEFT JOIN ${s}.group_offsets o ON o.group_id = $1 AND o.topic = t.name AND o.partition = p.partition
        WHERE t.name = ANY($2::text[])
        ORDER BY t.name, p.partition`,
      [this.groupId, this.topics.map((topic) => topic.stored)],
    );
    const names = new Map(this.topics.map((topic) => [topic.stored, topic.name]));
    return rows.map((row) => ({
      topic: names.get(row.topic) ?? row.topic,
      partition: row.partition,
      messages: row.messages,
    }));
  }

  async close(): Promise<void> {
    // The pool is the service's: nothing of its own to close.
  }
}
