import type { Pool } from 'pg';
import { PersonErasedV1 } from '@lintas/contracts/intake/intake.contracts';
import { joinOrBegin } from '@lintas/platform/database/ambient-transaction';
import { DEAD_LETTER_REASONS, type DeadLetterReason } from '@lintas/platform/service/dead-letter-admin';
import { CLOUDEVENTS_HEADERS } from '../cloudevents/kafka-binary-binding';
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
  /**
   * When the data of a person it names was erased (UU 27/2022): since then its value is only the
   * erased mark (`{"$erased":true}`), its headers only the CloudEvents ones, and it is never sent again.
   */
  erasedAt: Date | null;
}

/** Which of these ids name an erased person (PersonalDataProtector.erasedAmong: the key store, not a cache). */
export type ErasedAmong = (personIds: readonly string[]) => Promise<readonly string[]>;

export interface DeadLettersOptions {
  /**
   * Asked before a dead letter is recorded: one naming an erased person is recorded erased. Without
   * it, only a PermanentError that says its person was erased has a dead letter recorded erased.
   */
  erasedAmong?: ErasedAmong;
}

export interface RedriveRequest {
  /** Recorded with the redrive; absent when code, not a person, sends it again. */
  by?: Redriver;
  reason?: string;
  /** Send it again even if it was sent again before. */
  force?: boolean;
}

export type RedriveOutcome =
  | { kind: 'redriven'; letter: DeadLetter }
  | { kind: 'not-found' }
  | { kind: 'already-redriven'; letter: DeadLetter }
  /** Its person was erased: there is nothing left to send, forced or not. */
  | { kind: 'erased'; letter: DeadLetter };

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
  erased_at: Date | null;
}

const COLUMNS = `id::text, consumer_group, reason, detail, topic, partition, "offset", key, headers, value, failed_at,
                 redriven_at, redriven_by, redrive_reason, erased_at`;

/**
 * An erased dead letter's value, in the table and on the dead-letter topic: the mark every personal
 * field of an erased person reads as (`ERASED` of @lintas/privacy), still JSON as its `content-type`
 * says, so that whatever reads the topic as CloudEvents reads it too.
 */
export const ERASED_DEAD_LETTER_VALUE = '{"$erased":true}';
const ERASED_VALUE = Buffer.from(ERASED_DEAD_LETTER_VALUE);
const KEPT_HEADERS = new Set(CLOUDEVENTS_HEADERS);
/**
 * The SET of an erasure, for a row `d`: the erased mark for its value, and of the headers only the
 * CloudEvents ones, which carry ids, types, times, agencies and trace context, never a value of the
 * data (the subject is a person id: what stays of an erased person everywhere, as in the erasure's
 * own event). Any other header goes: a message that is no CloudEvent (`unparseable`) may carry
 * anything in them. The `dlq_` headers are not in the table; their detail is value-free already.
 */
/**
 * The erasure itself stays as it is: a PersonErased that fit its contract (refused or failing, not
 * `invalid`) names persons and nothing of them, and a dead-lettered one is how an admin finishes an
 * erasure that failed here (the keys may be gone already; its redrive erases the dead letters).
 */
const ERASURE_TYPE = PersonErasedV1.type;
const SPARED_REASONS: readonly DeadLetterReason[] = ['rejected', 'failed-after-retries'];
const NOT_AN_ERASURE = `NOT (coalesce(d.headers->>'ce_type', '') = '${ERASURE_TYPE}'
                             AND d.reason IN (${SPARED_REASONS.map((reason) => `'${reason}'`).join(', ')}))`;

const ERASE = `value = convert_to('${ERASED_DEAD_LETTER_VALUE}', 'UTF8'), erased_at = clock_timestamp(),
               headers = COALESCE((SELECT json_object_agg(h.name, h.value)
                                     FROM json_each_text(d.headers) AS h(name, value)
                                    WHERE h.name IN (${CLOUDEVENTS_HEADERS.map((name) => `'${name}'`).join(', ')})),
                                  '{}'::json)`;

/**
 * Messages a consumer gave up on: copied to the dead-letter topic with the reason in `dlq_`
 * headers beside the original ones, and recorded here so that they can be listed and, once the
 * cause is fixed, sent again to their topic. Those naming a person who is erased keep nothing of
 * the message's data (eraseFor; and `record` of one whose person is erased already).
 */
export class DeadLetters {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: DeadLettersOptions = {},
  ) {}

  async record(
    publisher: Publisher,
    deadLetterTopic: string,
    consumerGroup: string,
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
    options: { personErased?: boolean } = {},
  ): Promise<void> {
    // Neither the table nor the dead-letter topic's headers keep a value an error message quoted.
    const told = valueFreeDetail(reason, detail);
    // A message naming a person erased already keeps nothing of its data here or on the topic: the
    // erasure (eraseFor) is over and will not come back for it.
    const spared = message.headers.ce_type === ERASURE_TYPE && SPARED_REASONS.includes(reason);
    const named = spared ? [] : personsNamedBy(message);
    let erased = !spared && (options.personErased === true || (await this.namesErased(named)));
    await this.pool.query(
      `INSERT INTO ${this.schema}.dead_letters
              (consumer_group, reason, detail, topic, partition, "offset", key, headers, value, erased_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10::boolean THEN clock_timestamp() END
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
        JSON.stringify(erased ? keptHeaders(message.headers) : message.headers),
        erased ? ERASED_VALUE : message.value,
        erased,
      ],
    );
    // An erasure whose keys went after the question above but whose eraseFor looked before this
    // row was committed missed it; the keys are gone by now, so asking again finds it.
    if (!erased && !spared && this.options.erasedAmong && (await this.namesErased(named))) {
      erased = true;
      await this.pool.query(
        `UPDATE ${this.schema}.dead_letters AS d SET ${ERASE}
          WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND "offset" = $4 AND erased_at IS NULL`,
        [consumerGroup, message.topic, message.partition, message.offset],
      );
    }
    await publisher.send([
      {
        topic: deadLetterTopic,
        key: message.key ?? '',
        value: erased ? ERASED_VALUE : message.value,
        headers: {
          ...(erased ? keptHeaders(message.headers) : message.headers),
          dlq_reason: reason,
          dlq_detail: told,
          dlq_topic: message.topic,
          dlq_partition: String(message.partition),
          dlq_offset: message.offset,
          dlq_consumer_group: consumerGroup,
          ...(erased && { dlq_erased: 'true' }),
        },
      },
    ]);
  }

  /**
   * UU 27/2022 erasure of these persons (the erasure's `persons`: the person and every record
   * linked with them): every dead letter that names one of them (but a PersonErased: ERASURE_TYPE)
   * keeps from now on the erased mark for its value and only its CloudEvents headers (see ERASE),
   * and is never sent again; the rest of the record stays, as the events' chains do. Runs in the
   * ambient transaction where there is one (a reaction's: the inbox's, so that PersonErased is
   * handled only once this is committed), else in one of its own. Erasing again erases nothing
   * more. Answers how many were erased now.
   *
   * A dead letter names a person by any of three, and all three are looked at:
   * - its `ce_subject` header, the person the publisher said the event is about: exact, but absent
   *   from an event about no one person, from a message that is no CloudEvent (`unparseable`, whose
   *   headers may be missing), and it names one person only;
   * - its key, which Lintas sets to the subject's person (else the stream's id): kept by Kafka
   *   whatever the headers are;
   * - its value, which may name other persons than the subject (PersonsLinked names the survivor
   *   and the linked record, a malformed message anything). A person id is a UUID: it is not found
   *   in a value that does not name that person, and a dead letter that does name them has nothing
   *   that must be kept. The value is searched as bytes (`encode(…, 'escape')`, case-insensitive),
   *   so a value that is not UTF-8 cannot make the erasure fail.
   */
  async eraseFor(personIds: readonly string[]): Promise<number> {
    const ids = [...new Set(personIds.filter((id) => PERSON_ID.test(id)).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return 0;
    return joinOrBegin(this.pool, async ({ client }) => {
      const { rowCount } = await client.query(
        `UPDATE ${this.schema}.dead_letters AS d SET ${ERASE}
          WHERE d.erased_at IS NULL AND ${NOT_AN_ERASURE}
            AND (lower(d.headers->>'ce_subject') = ANY($1::text[])
                 OR lower(d.key) = ANY($1::text[])
                 OR EXISTS (SELECT 1 FROM unnest($1::text[]) AS erased(id)
                             WHERE strpos(lower(encode(d.value, 'escape')), erased.id) > 0))`,
        [ids],
      );
      return rowCount ?? 0;
    });
  }

  private async namesErased(personIds: readonly string[]): Promise<boolean> {
    if (!this.options.erasedAmong || personIds.length === 0) return false;
    return (await this.options.erasedAmong(personIds)).length > 0;
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
      if (found.erasedAt) return { kind: 'erased', letter: found };
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
    erasedAt: r.erased_at,
  };
}

const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person ids a message may name, lower-case: its subject, its key and every UUID in its value,
 * as eraseFor looks for them (read byte for byte, so a value that is not UTF-8 is read too).
 */
function personsNamedBy(message: IncomingMessage): string[] {
  const named = new Set<string>();
  for (const id of [message.headers.ce_subject, message.key]) {
    if (id && PERSON_ID.test(id)) named.add(id.toLowerCase());
  }
  for (const id of message.value.toString('latin1').match(UUID) ?? []) named.add(id.toLowerCase());
  return [...named];
}

function keptHeaders(headers: Headers): Headers {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => KEPT_HEADERS.has(name)));
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
