import { EventEmitter } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { currentTransaction } from '@lintas/platform/database/ambient-transaction';
import type { SignatureScheme } from '../signing/standard-webhooks';

export type SubscriptionStatus = 'active' | 'disabled';
export type SubscriptionKind = 'webhook' | 'feed';
/** What a delivery's body is: the CloudEvent as stored, or a FHIR R4 notification Bundle (../fhir). */
export const PAYLOAD_FORMS = ['cloudevents-json', 'fhir-bundle'] as const;
export type PayloadForm = (typeof PAYLOAD_FORMS)[number];
/** How much a FHIR notification carries (the Backport IG's payload content codes). */
export const FHIR_CONTENTS = ['empty', 'id-only', 'full-resource'] as const;
export type FhirContent = (typeof FHIR_CONTENTS)[number];

export interface WebhookSubscription {
  id: string;
  agencyId: string;
  kind: SubscriptionKind;
  url: string | null;
  /** CloudEvents types; empty: every type the agency may see. */
  eventTypes: string[];
  payloadForm: PayloadForm;
  /** For `fhir-bundle`: how much each notification carries. */
  fhirContent: FhirContent | null;
  /** For `fhir-bundle`: a heartbeat notification after this many seconds without one; null: none. */
  heartbeatSeconds: number | null;
  /** A FHIR subscription waits for its handshake to be answered before any event is sent. */
  handshakePending: boolean;
  signature: SignatureScheme;
  keyGeneration: number;
  /** Until when the previous key generation signs beside the current one. */
  previousKeyUntil: Date | null;
  status: SubscriptionStatus;
  /**
   * Why it is disabled: `gone` (the receiver answered 410), `failing` (the retries were spent),
   * `handshake-failed`, `owner`.
   */
  statusReason: string | null;
  statusChangedAt: Date;
  /** The sequence number of the last event given to it: its events are numbered 1, 2, 3 … without a gap. */
  lastSequence: number;
  createdAt: Date;
}

/** An event as it is handed to a subscription: the CloudEvent (structured JSON) without its sequence. */
export interface EventToDeliver {
  id: string;
  type: string;
  /** Whose event it is: one person's events reach a subscription in order, a failing one holds only theirs. */
  personKey: string;
  cloudEvent: Record<string, unknown>;
}

export interface FeedItem {
  sequence: number;
  event: Record<string, unknown>;
}

export interface Attempt {
  /** 0 for a handshake or a heartbeat, which are not events. */
  sequence: number;
  eventId: string | null;
  attempt: number;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  outcome: string;
  error: string | null;
}

/** A delivery the dispatcher leased: it alone sends it until the lease ends. */
export interface ClaimedDelivery {
  subscriptionId: string;
  agencyId: string;
  sequence: number;
  eventId: string;
  /** The CloudEvent as enqueued; a `fhir-bundle` subscription is sent it rendered as a notification. */
  payload: string;
  enqueuedAt: Date;
  payloadForm: PayloadForm;
  fhirContent: FhirContent | null;
  attempts: number;
  url: string;
  signature: SignatureScheme;
  keyGeneration: number;
  previousKeyUntil: Date | null;
}

/** A handshake or heartbeat due: sent outside the numbered deliveries (FHIR subscriptions only). */
export interface ControlNotification {
  kind: 'handshake' | 'heartbeat';
  subscription: WebhookSubscription;
}

/** A stored event of a subscription, as `$events` and a redelivery read it back. */
export interface StoredEvent {
  sequence: number;
  eventId: string;
  payload: string;
  enqueuedAt: Date;
}

export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number; slowDown: boolean }
  | { kind: 'disable'; reason: 'gone' | 'failing' };

interface SubscriptionRow {
  id: string;
  agency_id: string;
  kind: SubscriptionKind;
  url: string | null;
  event_types: string[];
  payload_form: PayloadForm;
  fhir_content: FhirContent | null;
  heartbeat_seconds: number | null;
  handshake_pending: boolean;
  signature: SignatureScheme;
  key_generation: number;
  previous_key_until: Date | null;
  status: SubscriptionStatus;
  status_reason: string | null;
  status_changed_at: Date;
  last_sequence: string;
  created_at: Date;
}

const subscriptionOf = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  agencyId: row.agency_id,
  kind: row.kind,
  url: row.url,
  eventTypes: row.event_types,
  payloadForm: row.payload_form,
  fhirContent: row.fhir_content,
  heartbeatSeconds: row.heartbeat_seconds,
  handshakePending: row.handshake_pending,
  signature: row.signature,
  keyGeneration: row.key_generation,
  previousKeyUntil: row.previous_key_until,
  status: row.status,
  statusReason: row.status_reason,
  statusChangedAt: row.status_changed_at,
  lastSequence: Number(row.last_sequence),
  createdAt: row.created_at,
});

/**
 * Subscriptions and their delivery queues, in the service's schema (made on first use). An event
 * is enqueued in the transaction of the inbox that received it: the subscription's row is locked,
 * its next sequence number taken and the delivery inserted together, so numbers are gapless
 * (a rolled-back delivery takes its number with it) and each event is numbered once per
 * subscription. Every agency with events also has an implicit feed subscription, which the pull
 * feed reads; it is never dispatched.
 */
export class WebhookStore {
  /** Emits 'enqueued' after a transaction that enqueued commits: the dispatcher and waiting feeds wake. */
  readonly enqueued = new EventEmitter();
  private schemaReady?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.enqueued.setMaxListeners(0);
  }

  async create(input: {
    id: string;
    agencyId: string;
    url: string;
    eventTypes: readonly string[];
    signature: SignatureScheme;
    payloadForm?: PayloadForm;
    fhirContent?: FhirContent;
    heartbeatSeconds?: number;
    /** Hold events until a handshake notification is answered (a FHIR subscription). */
    handshake?: boolean;
  }): Promise<WebhookSubscription> {
    await this.ready();
    const form = input.payloadForm ?? 'cloudevents-json';
    // The id comes from the agency's Idempotency-Key: a retry finds the subscription it made.
    await this.pool.query(
      `INSERT INTO ${this.schema}.webhook_subscriptions
         (id, agency_id, kind, url, event_types, signature, payload_form, fhir_content, heartbeat_seconds, handshake_pending)
       VALUES ($1, $2, 'webhook', $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [
        input.id,
        input.agencyId,
        input.url,
        input.eventTypes,
        input.signature,
        form,
        form === 'fhir-bundle' ? (input.fhirContent ?? 'id-only') : null,
        input.heartbeatSeconds ?? null,
        input.handshake ?? false,
      ],
    );
    if (input.handshake) this.enqueued.emit('enqueued');
    const created = await this.find(input.id, input.agencyId);
    if (!created) throw new Error('the subscription was not created');
    return created;
  }

  /** Whether any agency has a subscription of this id (a client-chosen FHIR id must be new). */
  async taken(id: string): Promise<boolean> {
    await this.ready();
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.schema}.webhook_subscriptions WHERE id = $1`, [
      id,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async ofAgency(agencyId: string): Promise<WebhookSubscription[]> {
    await this.ready();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM ${this.schema}.webhook_subscriptions WHERE agency_id = $1 AND kind = 'webhook' ORDER BY created_at, id`,
      [agencyId],
    );
    return rows.map(subscriptionOf);
  }

  /** Every webhook subscription of every RSJ, for an admin looking after deliveries. */
  async all(): Promise<WebhookSubscription[]> {
    await this.ready();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM ${this.schema}.webhook_subscriptions WHERE kind = 'webhook' ORDER BY agency_id, created_at, id`,
    );
    return rows.map(subscriptionOf);
  }

  /** The agency owning a subscription, whoever asks: for an admin acting on it. */
  async ownerOf(id: string): Promise<string | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<{ agency_id: string }>(
      `SELECT agency_id FROM ${this.schema}.webhook_subscriptions WHERE id = $1`,
      [id],
    );
    return rows[0]?.agency_id;
  }

  /** The subscription when it is the agency's own; undefined otherwise (another's is not told apart from none). */
  async find(id: string, agencyId: string): Promise<WebhookSubscription | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM ${this.schema}.webhook_subscriptions WHERE id = $1 AND agency_id = $2`,
      [id, agencyId],
    );
    return rows[0] && subscriptionOf(rows[0]);
  }

  /**
   * The owner disables or enables its subscription. Enabling sends what waited, oldest first, with
   * a fresh schedule of retries.
   */
  async setStatus(id: string, agencyId: string, status: SubscriptionStatus): Promise<WebhookSubscription | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH changed AS (
         UPDATE ${this.schema}.webhook_subscriptions
            SET status = $3, status_reason = CASE WHEN $3 = 'disabled' THEN 'owner' END,
                status_changed_at = now(), slow_until = NULL
          WHERE id = $1 AND agency_id = $2 AND kind = 'webhook' RETURNING id)
       UPDATE ${this.schema}.webhook_deliveries d SET attempts = 0, next_attempt_at = now()
         FROM changed WHERE $3 = 'active' AND d.subscription_id = changed.id AND d.state = 'pending'
       RETURNING changed.id`,
      [id, agencyId, status],
    );
    void rows;
    if (status === 'active') this.enqueued.emit('enqueued');
    return this.find(id, agencyId);
  }

  /** A new key generation; the previous one keeps signing beside it for `overlapMs`. */
  async rotateKey(id: string, agencyId: string, overlapMs: number): Promise<WebhookSubscription | undefined> {
    await this.ready();
    await this.pool.query(
      `UPDATE ${this.schema}.webhook_subscriptions
          SET key_generation = key_generation + 1, previous_key_until = now() + $3 * interval '1 millisecond'
        WHERE id = $1 AND agency_id = $2 AND kind = 'webhook'`,
      [id, agencyId, overlapMs],
    );
    return this.find(id, agencyId);
  }

  async attempts(subscriptionId: string, limit: number, before?: number): Promise<Attempt[]> {
    await this.ready();
    const { rows } = await this.pool.query<{
      id: string;
      sequence: string;
      event_id: string | null;
      attempt: number;
      at: Date;
      status_code: number | null;
      latency_ms: number;
      outcome: string;
      error: string | null;
    }>(
      `SELECT a.*, d.event_id FROM ${this.schema}.webhook_attempts a
         LEFT JOIN ${this.schema}.webhook_deliveries d USING (subscription_id, sequence)
        WHERE a.subscription_id = $1 AND ($3::bigint IS NULL OR a.id < $3)
        ORDER BY a.id DESC LIMIT $2`,
      [subscriptionId, limit, before ?? null],
    );
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      eventId: row.event_id,
      attempt: row.attempt,
      at: row.at,
      statusCode: row.status_code,
      latencyMs: row.latency_ms,
      outcome: row.outcome,
      error: row.error,
    }));
  }

  /**
   * Hands an event to every subscription of the agency that wants its type, and to the agency's
   * feed, in `client`'s transaction (the inbox's). An event already handed to a subscription is
   * not handed again.
   */
  async enqueue(client: PoolClient, agencyId: string, event: EventToDeliver): Promise<void> {
    await this.ready();
    await client.query(
      `INSERT INTO ${this.schema}.webhook_subscriptions (id, agency_id, kind, event_types, signature)
       VALUES (gen_random_uuid(), $1, 'feed', '{}', 'v1a') ON CONFLICT (agency_id) WHERE kind = 'feed' DO NOTHING`,
      [agencyId],
    );
    // Locked in id order, so that two transactions enqueueing for one agency cannot deadlock.
    const { rows } = await client.query<{ id: string; kind: SubscriptionKind }>(
      `SELECT id, kind FROM ${this.schema}.webhook_subscriptions
        WHERE agency_id = $1 AND (cardinality(event_types) = 0 OR $2 = ANY(event_types))
        ORDER BY id FOR UPDATE`,
      [agencyId, event.type],
    );
    let handed = false;
    for (const subscription of rows) {
      const { rowCount } = await client.query(
        `SELECT 1 FROM ${this.schema}.webhook_deliveries WHERE subscription_id = $1 AND event_id = $2`,
        [subscription.id, event.id],
      );
      if (rowCount) continue;
      const { rows: numbered } = await client.query<{ last_sequence: string }>(
        `UPDATE ${this.schema}.webhook_subscriptions SET last_sequence = last_sequence + 1 WHERE id = $1
         RETURNING last_sequence`,
        [subscription.id],
      );
      const sequence = numbered[0]?.last_sequence ?? '0';
      const payload = JSON.stringify({ ...event.cloudEvent, sequence, subscriptionid: subscription.id });
      await client.query(
        `INSERT INTO ${this.schema}.webhook_deliveries (subscription_id, sequence, event_id, event_type, person_key, payload, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          subscription.id,
          sequence,
          event.id,
          event.type,
          event.personKey,
          payload,
          subscription.kind === 'feed' ? 'stored' : 'pending',
        ],
      );
      handed = true;
    }
    if (handed) {
      const ambient = currentTransaction();
      if (ambient) ambient.afterCommit(() => this.enqueued.emit('enqueued'));
      else setImmediate(() => this.enqueued.emit('enqueued'));
    }
  }

  /** The agency's implicit feed subscription, made when first asked for (it then holds what comes next). */
  async feedOf(agencyId: string): Promise<string> {
    await this.ready();
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH made AS (
         INSERT INTO ${this.schema}.webhook_subscriptions (id, agency_id, kind, event_types, signature)
         VALUES (gen_random_uuid(), $1, 'feed', '{}', 'v1a') ON CONFLICT (agency_id) WHERE kind = 'feed' DO NOTHING
         RETURNING id)
       SELECT id FROM made UNION ALL
       SELECT id FROM ${this.schema}.webhook_subscriptions WHERE agency_id = $1 AND kind = 'feed'`,
      [agencyId],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('no feed subscription');
    return id;
  }

  /** What a subscription was given after `after`, in sequence order, whatever its delivery state. */
  async feed(subscriptionId: string, after: number, limit: number): Promise<FeedItem[]> {
    await this.ready();
    const { rows } = await this.pool.query<{ sequence: string; payload: string }>(
      `SELECT sequence, payload FROM ${this.schema}.webhook_deliveries
        WHERE subscription_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
      [subscriptionId, after, limit],
    );
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      event: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  }

  /**
   * Leases up to `limit` deliveries that are due, of active subscriptions that are not slowed down,
   * each the oldest waiting one of its person in its subscription. Rows another dispatcher is
   * leasing are skipped (FOR UPDATE SKIP LOCKED), and a lease outlives the attempt: no two
   * dispatchers send one delivery at once. Counts the attempt.
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    await this.ready();
    const { rows } = await this.pool.query<{
      subscription_id: string;
      agency_id: string;
      sequence: string;
      event_id: string;
      payload: string;
      enqueued_at: Date;
      payload_form: PayloadForm;
      fhir_content: FhirContent | null;
      attempts: number;
      url: string;
      signature: SignatureScheme;
      key_generation: number;
      previous_key_until: Date | null;
    }>(
      `WITH due AS (
         SELECT d.subscription_id, d.sequence
           FROM ${this.schema}.webhook_deliveries d
           JOIN ${this.schema}.webhook_subscriptions s ON s.id = d.subscription_id
          WHERE d.state = 'pending' AND d.next_attempt_at <= now()
            AND (d.leased_until IS NULL OR d.leased_until < now())
            AND s.kind = 'webhook' AND s.status = 'active' AND NOT s.handshake_pending
            AND (s.slow_until IS NULL OR s.slow_until <= now())
            AND NOT EXISTS (
              SELECT 1 FROM ${this.schema}.webhook_deliveries e
               WHERE e.subscription_id = d.subscription_id AND e.person_key = d.person_key
                 AND e.state = 'pending' AND e.sequence < d.sequence)
          ORDER BY d.next_attempt_at, d.sequence
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE ${this.schema}.webhook_deliveries d
          SET leased_until = now() + $2 * interval '1 millisecond', attempts = d.attempts + 1
         FROM due, ${this.schema}.webhook_subscriptions s
        WHERE d.subscription_id = due.subscription_id AND d.sequence = due.sequence AND s.id = d.subscription_id
       RETURNING d.subscription_id, s.agency_id, d.sequence, d.event_id, d.payload, d.enqueued_at, s.payload_form,
                 s.fhir_content, d.attempts, s.url, s.signature, s.key_generation, s.previous_key_until`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      subscriptionId: row.subscription_id,
      agencyId: row.agency_id,
      sequence: Number(row.sequence),
      eventId: row.event_id,
      payload: row.payload,
      enqueuedAt: row.enqueued_at,
      payloadForm: row.payload_form,
      fhirContent: row.fhir_content,
      attempts: row.attempts,
      url: row.url,
      signature: row.signature,
      keyGeneration: row.key_generation,
      previousKeyUntil: row.previous_key_until,
    }));
  }

  /**
   * Records an attempt and what follows from it, in one statement (one round trip: a dispatcher
   * records a round's attempts side by side). The subscription's row is written only when it
   * changes — a slow-down, a disabling, a heartbeat's clock — so that concurrent deliveries of
   * one subscription do not queue on it.
   */
  async recordAttempt(
    delivery: ClaimedDelivery,
    attempt: { at: Date; statusCode?: number; latencyMs: number; error?: string },
    outcome: AttemptOutcome,
  ): Promise<void> {
    const retry = outcome.kind === 'retry' ? outcome : undefined;
    await this.pool.query(
      `WITH attempt AS (
         INSERT INTO ${this.schema}.webhook_attempts (subscription_id, sequence, attempt, at, status_code, latency_ms, outcome, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)),
       delivery AS (
         UPDATE ${this.schema}.webhook_deliveries
            SET state = CASE WHEN $9 = 'delivered' THEN 'delivered' ELSE state END,
                delivered_at = CASE WHEN $9 = 'delivered' THEN now() ELSE delivered_at END,
                next_attempt_at = CASE WHEN $9 = 'retry' THEN now() + $10 * interval '1 millisecond' ELSE next_attempt_at END,
                leased_until = NULL
          WHERE subscription_id = $1 AND sequence = $2)
       -- A disabled subscription's delivery stays waiting, first of its person: enabling it sends it.
       UPDATE ${this.schema}.webhook_subscriptions
          SET last_sent_at = CASE WHEN $9 = 'delivered' THEN now() ELSE last_sent_at END,
              slow_until = CASE WHEN $11 THEN now() + $10 * interval '1 millisecond' ELSE slow_until END,
              status = CASE WHEN $9 = 'disable' AND status = 'active' THEN 'disabled' ELSE status END,
              status_reason = CASE WHEN $9 = 'disable' AND status = 'active' THEN $12 ELSE status_reason END,
              status_changed_at = CASE WHEN $9 = 'disable' AND status = 'active' THEN now() ELSE status_changed_at END
        WHERE id = $1
          AND (($9 = 'delivered' AND heartbeat_seconds IS NOT NULL) OR $11 OR $9 = 'disable')`,
      [
        delivery.subscriptionId,
        delivery.sequence,
        delivery.attempts,
        attempt.at,
        attempt.statusCode ?? null,
        attempt.latencyMs,
        outcome.kind === 'disable' ? outcome.reason : outcome.kind,
        attempt.error ?? null,
        outcome.kind,
        retry?.delayMs ?? 0,
        retry?.slowDown ?? false,
        outcome.kind === 'disable' ? outcome.reason : null,
      ],
    );
  }

  /**
   * Leases the handshakes and heartbeats that are due (FHIR subscriptions): a handshake for an
   * active subscription that still waits for one, a heartbeat for one quiet for its period. As with
   * deliveries, no two dispatchers send the same one at once.
   */
  async claimControl(limit: number, leaseMs: number): Promise<ControlNotification[]> {
    await this.ready();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `UPDATE ${this.schema}.webhook_subscriptions s
          SET control_leased_until = now() + $2 * interval '1 millisecond'
        WHERE s.id IN (
          SELECT id FROM ${this.schema}.webhook_subscriptions
           WHERE kind = 'webhook' AND status = 'active'
             AND (control_leased_until IS NULL OR control_leased_until < now())
             AND (handshake_pending
                  OR (heartbeat_seconds IS NOT NULL
                      AND COALESCE(last_sent_at, status_changed_at) <= now() - heartbeat_seconds * interval '1 second'))
           LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING s.*`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      kind: row.handshake_pending ? 'handshake' : 'heartbeat',
      subscription: subscriptionOf(row),
    }));
  }

  /**
   * Records a handshake or heartbeat attempt (sequence 0: it is not an event). An answered
   * handshake lets the events flow; an unanswered one disables the subscription (`handshake-failed`,
   * FHIR's `error`), and enabling it again shakes hands again. A heartbeat's failure is only recorded.
   */
  async recordControl(
    control: ControlNotification,
    attempt: { at: Date; statusCode?: number; latencyMs: number; error?: string },
    answered: boolean,
  ): Promise<void> {
    const id = control.subscription.id;
    const outcome = `${control.kind}${answered ? '' : '-failed'}`;
    await this.pool.query(
      `WITH attempt AS (
         INSERT INTO ${this.schema}.webhook_attempts (subscription_id, sequence, attempt, at, status_code, latency_ms, outcome, error)
         VALUES ($1, 0, 1, $2, $3, $4, $5, $6))
       UPDATE ${this.schema}.webhook_subscriptions
          SET control_leased_until = NULL, last_sent_at = now(),
              handshake_pending = handshake_pending AND NOT $7,
              status = CASE WHEN $8 THEN 'disabled' ELSE status END,
              status_reason = CASE WHEN $8 THEN 'handshake-failed' ELSE status_reason END,
              status_changed_at = CASE WHEN $7 OR $8 THEN now() ELSE status_changed_at END
        WHERE id = $1`,
      [
        id,
        attempt.at,
        attempt.statusCode ?? null,
        attempt.latencyMs,
        outcome,
        attempt.error ?? null,
        control.kind === 'handshake' && answered,
        control.kind === 'handshake' && !answered,
      ],
    );
    if (control.kind === 'handshake' && answered) this.enqueued.emit('enqueued');
  }

  /**
   * What the subscription was given, numbers `from` to `to` inclusive, whatever was delivered, as
   * long as it is kept (`removeExpired`).
   */
  async events(subscriptionId: string, from: number, to: number, limit: number): Promise<StoredEvent[]> {
    await this.ready();
    const { rows } = await this.pool.query<{ sequence: string; event_id: string; payload: string; enqueued_at: Date }>(
      `SELECT sequence, event_id, payload, enqueued_at FROM ${this.schema}.webhook_deliveries
        WHERE subscription_id = $1 AND sequence BETWEEN $2 AND $3 ORDER BY sequence LIMIT $4`,
      [subscriptionId, from, to, limit],
    );
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      eventId: row.event_id,
      payload: row.payload,
      enqueuedAt: row.enqueued_at,
    }));
  }

  /**
   * Sends delivered events again, by number and/or enqueue time (both bounds inclusive), with a
   * fresh schedule: for a receiver that lost what it had acknowledged. Each keeps its number and
   * `webhook-id`, so a receiver that still has it sees a duplicate it already knows.
   */
  async redeliver(
    id: string,
    agencyId: string,
    range: { fromSequence?: number; toSequence?: number; since?: Date; until?: Date },
  ): Promise<{ redelivered: number; persons: string[] } | undefined> {
    await this.ready();
    if (!(await this.find(id, agencyId))) return undefined;
    const { rows } = await this.pool.query<{ person_key: string }>(
      `UPDATE ${this.schema}.webhook_deliveries
          SET state = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL
        WHERE subscription_id = $1 AND state = 'delivered'
          AND sequence >= COALESCE($2, 0) AND sequence <= COALESCE($3, 9223372036854775807)
          AND ($4::timestamptz IS NULL OR enqueued_at >= $4) AND ($5::timestamptz IS NULL OR enqueued_at <= $5)
        RETURNING person_key`,
      [id, range.fromSequence ?? null, range.toSequence ?? null, range.since ?? null, range.until ?? null],
    );
    if (rows.length > 0) this.enqueued.emit('enqueued');
    const persons = new Set(rows.map((row) => row.person_key).filter((key) => key !== ''));
    return { redelivered: rows.length, persons: [...persons] };
  }

  /**
   * Forgets what was delivered (or, for a feed, stored) longer ago than `retentionMs`, and the
   * attempts of that age: `$events`, the feed and redelivery reach back that far. Waiting
   * deliveries are kept whatever their age.
   */
  async removeExpired(retentionMs: number): Promise<number> {
    await this.ready();
    const { rows } = await this.pool.query<{ removed: string }>(
      `WITH removed AS (
         DELETE FROM ${this.schema}.webhook_deliveries
          WHERE (state = 'delivered' AND delivered_at < now() - $1 * interval '1 millisecond')
             OR (state = 'stored' AND enqueued_at < now() - $1 * interval '1 millisecond')
         RETURNING 1),
       attempts AS (
         DELETE FROM ${this.schema}.webhook_attempts WHERE at < now() - $1 * interval '1 millisecond')
       SELECT count(*) AS removed FROM removed`,
      [retentionMs],
    );
    return Number(rows[0]?.removed ?? 0);
  }

  /** Made on first use, as the access records are: a service whose database is away still starts. */
  ready(): Promise<void> {
    const s = this.schema;
    this.schemaReady ??= applySchema(this.pool, `${s}.webhook_subscriptions`, [
      `CREATE SCHEMA IF NOT EXISTS ${s}`,
      `CREATE TABLE IF NOT EXISTS ${s}.webhook_subscriptions (
         id uuid PRIMARY KEY,
         agency_id text NOT NULL,
         kind text NOT NULL CHECK (kind IN ('webhook', 'feed')),
         url text,
         event_types text[] NOT NULL,
         payload_form text NOT NULL DEFAULT 'cloudevents-json' CHECK (payload_form IN ('cloudevents-json', 'fhir-bundle')),
         signature text NOT NULL CHECK (signature IN ('v1a', 'v1')),
         key_generation integer NOT NULL DEFAULT 1,
         previous_key_until timestamptz,
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
         status_reason text,
         status_changed_at timestamptz NOT NULL DEFAULT now(),
         slow_until timestamptz,
         last_sequence bigint NOT NULL DEFAULT 0,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      // Added with FHIR subscriptions: a store made before them gains them here.
      `ALTER TABLE ${s}.webhook_subscriptions
         ADD COLUMN IF NOT EXISTS fhir_content text CHECK (fhir_content IN ('empty', 'id-only', 'full-resource')),
         ADD COLUMN IF NOT EXISTS heartbeat_seconds integer CHECK (heartbeat_seconds > 0),
         ADD COLUMN IF NOT EXISTS handshake_pending boolean NOT NULL DEFAULT false,
         ADD COLUMN IF NOT EXISTS last_sent_at timestamptz,
         ADD COLUMN IF NOT EXISTS control_leased_until timestamptz`,
      `CREATE UNIQUE INDEX IF NOT EXISTS webhook_feed_of_agency ON ${s}.webhook_subscriptions (agency_id) WHERE kind = 'feed'`,
      `CREATE INDEX IF NOT EXISTS webhook_subscriptions_of_agency ON ${s}.webhook_subscriptions (agency_id)`,
      `CREATE TABLE IF NOT EXISTS ${s}.webhook_deliveries (
         subscription_id uuid NOT NULL REFERENCES ${s}.webhook_subscriptions (id),
         sequence bigint NOT NULL,
         event_id text NOT NULL,
         event_type text NOT NULL,
         person_key text NOT NULL,
         payload text NOT NULL,
         state text NOT NULL CHECK (state IN ('pending', 'delivered', 'stored')),
         attempts integer NOT NULL DEFAULT 0,
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         leased_until timestamptz,
         delivered_at timestamptz,
         enqueued_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (subscription_id, sequence),
         UNIQUE (subscription_id, event_id)
       )`,
      `CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON ${s}.webhook_deliveries (next_attempt_at) WHERE state = 'pending'`,
      `CREATE INDEX IF NOT EXISTS webhook_deliveries_of_person ON ${s}.webhook_deliveries (subscription_id, person_key, sequence)
         WHERE state = 'pending'`,
      `CREATE TABLE IF NOT EXISTS ${s}.webhook_attempts (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         subscription_id uuid NOT NULL,
         sequence bigint NOT NULL,
         attempt integer NOT NULL,
         at timestamptz NOT NULL,
         status_code integer,
         latency_ms integer NOT NULL,
         outcome text NOT NULL,
         error text
       )`,
      `CREATE INDEX IF NOT EXISTS webhook_attempts_of_subscription ON ${s}.webhook_attempts (subscription_id, id)`,
      `CREATE INDEX IF NOT EXISTS webhook_attempts_by_time ON ${s}.webhook_attempts (at)`,
      `CREATE INDEX IF NOT EXISTS webhook_deliveries_done ON ${s}.webhook_deliveries (delivered_at) WHERE state = 'delivered'`,
    ]).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }
}
