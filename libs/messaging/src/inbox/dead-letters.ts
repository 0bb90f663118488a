import type { Pool } from 'pg';
import type { Headers, IncomingMessage, Publisher } from '../transport/transport';

export const DEAD_LETTER_REASONS = [
  'unparseable',
  'unknown-type',
  'invalid',
  'rejected',
  'failed-after-retries',
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

export interface DeadLetter {
  id: number;
  consumerGroup: string;
  reason: DeadLetterReason;
  detail: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  value: Buffer;
  failedAt: Date;
  redrivenAt: Date | null;
}

/**
 * Messages a consumer gave up on: copied to the dead-letter topic with the reason in `dlq_`
 * headers beside the original ones, and recorded here so that they can be listed and, once the
 * cause is fixed, sent again to their topic.
 */
export class DeadLetters {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  async record(
    publisher: Publisher,
    deadLetterTopic: string,
    consumerGroup: string,
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.dead_letters (consumer_group, reason, detail, topic, partition, "offset", key, headers, value)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
        WHERE NOT EXISTS (SELECT 1 FROM ${this.schema}.dead_letters
                           WHERE consumer_group = $1 AND topic = $4 AND partition = $5 AND "offset" = $6)`,
      [
        consumerGroup,
        reason,
        detail,
        message.topic,
        message.partition,
        message.offset,
        message.key,
        JSON.stringify(message.headers),
        message.value,
      ],
    );
    await publisher.send([
      {
        topic: deadLetterTopic,
        key: message.key ?? '',
        value: message.value,
        headers: {
          ...message.headers,
          dlq_reason: reason,
          dlq_detail: detail,
          dlq_topic: message.topic,
          dlq_partition: String(message.partition),
          dlq_offset: message.offset,
          dlq_consumer_group: consumerGroup,
        },
      },
    ]);
  }

  async list(options: { consumerGroup?: string; includeRedriven?: boolean } = {}): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<{
      id: string;
      consumer_group: string;
      reason: DeadLetterReason;
      detail: string;
      topic: string;
      partition: number;
      offset: string;
      key: string | null;
      headers: Headers;
      value: Buffer;
      failed_at: Date;
      redriven_at: Date | null;
    }>(
      `SELECT id::text, consumer_group, reason, detail, topic, partition, "offset", key, headers, value, failed_at, redriven_at
         FROM ${this.schema}.dead_letters
        WHERE ($1::text IS NULL OR consumer_group = $1) AND ($2 OR redriven_at IS NULL)
        ORDER BY dead_letters.id`,
      [options.consumerGroup ?? null, options.includeRedriven ?? false],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      consumerGroup: r.consumer_group,
      reason: r.reason,
      detail: r.detail,
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      key: r.key,
      headers: r.headers,
      value: r.value,
      failedAt: r.failed_at,
      redrivenAt: r.redriven_at,
    }));
  }

  /**
   * Sends a dead letter again to its original topic, unchanged. Every group of that topic gets it
   * again; those that handled it already skip it by their inbox.
   */
  async redrive(publisher: Publisher, id: number): Promise<void> {
    const [letter] = (await this.list({ includeRedriven: true })).filter((l) => l.id === id);
    if (!letter) throw new Error(`no dead letter ${id}`);
    await publisher.send([
      { topic: letter.topic, key: letter.key ?? '', value: letter.value, headers: letter.headers },
    ]);
    await this.pool.query(`UPDATE ${this.schema}.dead_letters SET redriven_at = now() WHERE id = $1`, [id]);
  }
}
