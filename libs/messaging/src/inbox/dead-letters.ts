import type { Pool } from 'pg';
import { joinOrBegin } from '@lintas/platform/database/ambient-transaction';
import { DEAD_LETTER_REASONS, type DeadLetterReason } from '@lintas/platform/service/dead-letter-admin';
import type { Headers, IncomingMessage, Publisher } from '../transport/transport';

// The reasons are the platform's words, which its admin routes show.
export { DEAD_LETTER_REASONS, type DeadLetterReason };

/** Who sent a dead letter again: the admin agency's system, and its user where the token names one. */
export interface Redriver {
  agencyId: string;
  clientId: string;
  userId?: string;
}

export interface DeadLetter {
  id: number;
  consumerGroup: string;
  reason: DeadLetterReason;
  /** Why, naming fields, rules and codes, never values (see valueFreeDetail). */
  detail: string;
  /** As the message was read: with the installation's topic prefix. */
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  value: Buffer;
  failedAt: Date;
  redrivenAt: Date | null;
  redrivenBy: Redriver | null;
  redriveReason: string | null;
}

export interface RedriveRequest {
  /** Recorded with the redrive; absent when code, not a person, sends it again. */
  by?: Redriver;
  reason?: string;
  /** Send it again even if it was sent again before. */
  force?: boolean;
}

export type RedriveOutcome =
  { kind: 'redriven'; letter: DeadLetter } | { kind: 'not-found' } | { kind: 'already-redriven'; letter: DeadLetter };

interface Row {
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
  redriven_by: Redriver | null;
  redrive_reason: string | null;
}

const COLUMNS = `id::text, consumer_group, reason, detail, topic, partition, "offset", key, headers, value, failed_at,
                 redriven_at, redriven_by, redrive_reason`;

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
    // Neither the table nor the dead-letter topic's headers keep a value an error message quoted.
    const told = valueFreeDetail(reason, detail);
    await this.pool.query(
      `INSERT INTO ${this.schema}.dead_letters (consumer_group, reason, detail, topic, partition, "offset", key, headers, value)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
        WHERE NOT EXISTS (SELECT 1 FROM ${this.schema}.dead_letters
                           WHERE consumer_group = $1 AND topic = $4 AND partition = $5 AND "offset" = $6)`,
      [
        consumerGroup,
        reason,
        told,
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
          dlq_detail: told,
          dlq_topic: message.topic,
          dlq_partition: String(message.partition),
          dlq_offset: message.offset,
          dlq_consumer_group: consumerGroup,
        },
      },
    ]);
  }

  async list(options: { consumerGroup?: string; includeRedriven?: boolean } = {}): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS}
         FROM ${this.schema}.dead_letters
        WHERE ($1::text IS NULL OR consumer_group = $1) AND ($2 OR redriven_at IS NULL)
        ORDER BY dead_letters.id`,
      [options.consumerGroup ?? null, options.includeRedriven ?? false],
    );
    return rows.map(toDeadLetter);
  }

  /** Every dead letter, redriven or not, oldest first: those after `after` (an id), at most `limit`. */
  async page(options: { after?: number; limit: number }): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS}
         FROM ${this.schema}.dead_letters
        WHERE ($1::bigint IS NULL OR id > $1::bigint)
        ORDER BY dead_letters.id LIMIT $2`,
      [options.after ?? null, options.limit],
    );
    return rows.map(toDeadLetter);
  }

  async find(id: number): Promise<DeadLetter | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM ${this.schema}.dead_letters WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toDeadLetter(rows[0]);
  }

  /**
   * Sends a dead letter again to its original topic, unchanged, and records when, by whom and why.
   * Every group of that topic gets it again; those that handled it already skip it by their inbox.
   * One already sent again is sent again only when forced. The row stays locked from the check to
   * the record, in the caller's transaction where there is one (an HTTP write's, which then keeps
   * its answer with it), so two admins at once send it once.
   */
  async redrive(publisher: Publisher, id: number, request: RedriveRequest = {}): Promise<RedriveOutcome> {
    return joinOrBegin(this.pool, async ({ client }) => {
      const { rows } = await client.query<Row>(
        `SELECT ${COLUMNS} FROM ${this.schema}.dead_letters WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const found = rows[0] && toDeadLetter(rows[0]);
      if (!found) return { kind: 'not-found' };
      if (found.redrivenAt && !request.force) return { kind: 'already-redriven', letter: found };
      await publisher.send([{ topic: found.topic, key: found.key ?? '', value: found.value, headers: found.headers }]);
      const { rows: updated } = await client.query<Row>(
        `UPDATE ${this.schema}.dead_letters
            SET redriven_at = clock_timestamp(), redriven_by = $2, redrive_reason = $3
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, request.by ? JSON.stringify(request.by) : null, request.reason ?? null],
      );
      return { kind: 'redriven', letter: toDeadLetter(updated[0]) };
    });
  }
}

function toDeadLetter(r: Row): DeadLetter {
  return {
    id: Number(r.id),
    consumerGroup: r.consumer_group,
    reason: r.reason,
    detail: valueFreeDetail(r.reason, r.detail),
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
    headers: r.headers,
    value: r.value,
    failedAt: r.failed_at,
    redrivenAt: r.redriven_at,
    redrivenBy: r.redriven_by,
    redriveReason: r.redrive_reason,
  };
}

const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Runs of six or more digits (a NIK, a phone number, a date), also broken by spaces, dots or dashes. */
const NUMBERS = /\+?\d(?:[\d .-]{4,}\d)/g;
const EMAIL = /[^\s@"']+@[^\s@"']+/g;
const MAX_DETAIL = 1_000;
/** Where a UUID stood while the rest is masked: a character of Unicode's private use area, in no message. */
const MARK = '\uE000';
const MARKED = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');

/**
 * A dead letter's detail as it may be kept and shown: naming fields, rules and codes, never the
 * values of the message. `invalid` is written from the contract's JSON Schema (JSON Pointers to
 * fields and ajv's messages, which quote the schema, never the data) and kept as it is; every other
 * reason can carry an error's message, whose quoted parts (a database error quotes the value it
 * refused), e-mail addresses and long numbers are masked. The full error goes to the service's log.
 */
export function valueFreeDetail(reason: DeadLetterReason, detail: string): string {
  if (reason === 'invalid') return detail.slice(0, MAX_DETAIL);
  const ids: string[] = [];
  const masked = detail
    // A UUID names a record, not what it holds: kept, and out of reach of the number mask.
    .replace(UUID, (id) => `${MARK}${ids.push(id) - 1}${MARK}`)
    .replace(QUOTED, (quoted) => `${quoted[0]}…${quoted[0]}`)
    .replace(EMAIL, '…@…')
    .replace(NUMBERS, '#')
    .replace(MARKED, (_, index: string) => ids[Number(index)] ?? '');
  return masked.length > MAX_DETAIL ? `${masked.slice(0, MAX_DETAIL - 1)}…` : masked;
}
