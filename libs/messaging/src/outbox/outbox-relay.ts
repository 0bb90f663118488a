import type { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import type { OutgoingMessage, Publisher, Transport } from '../transport/transport';

export interface OutboxRelayOptions {
  /** The event store's schema, which holds the outbox table. */
  schema: string;
  batchSize?: number;
  /** How long to wait before looking again when nothing woke the relay. */
  idleWaitMs?: number;
  /** Emits when this process appended events: the relay wakes at once instead of waiting. */
  wakeOn?: EventEmitter;
  onError?: (error: unknown) => void;
  /** Told of each batch read and each batch the broker acknowledged, by their CloudEvents headers. */
  observer?: RelayObserver;
}

export interface RelayObserver {
  read(batch: readonly Record<string, string>[]): void;
  sent(batch: readonly Record<string, string>[]): void;
}

interface RelaySession {
  /** Rows sent or on their way in this leadership and not yet deleted: the next batch skips them. */
  shipped: Map<string, OutboxRow>;
  /** The batch on its way to the broker: one at a time, so each person's order holds. */
  sending: Promise<void>;
  /** Rows the broker acknowledged and not yet deleted: the next read deletes them (see relayBatch). */
  acknowledged: OutboxRow[];
  /**
   * Every row of a smaller transaction id was read in this leadership (see relayBatch), so reads
   * start here: past the deleted rows that an old transaction anywhere on the server keeps from
   * being pruned, which each read would otherwise step over again.
   */
  floor: string;
  /** When the floor was last raised; the visibility horizon is asked for at most every FLOOR_EVERY_MS. */
  floorAt: number;
}

/** The horizon costs the server about 0.2 ms a call; deleted rows pile up over seconds, not milliseconds. */
const FLOOR_EVERY_MS = 100;

interface OutboxRow {
  transaction_id: string;
  sequence: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: Buffer;
}

/**
 * Ships the outbox to the transport, oldest first, and deletes what the broker acknowledged.
 * Only the instance holding the outbox's advisory lock relays, so two relays never publish the
 * same rows in normal operation; a crash between the broker's ack and the delete publishes those
 * rows again (at least once), which the consumers' inboxes absorb.
 *
 * The relay reads every committed row at once, not only those below the visibility horizon: what
 * it shipped is deleted, so a row that commits late is simply read next time. Its only position is
 * a floor below the horizon, under which every row was read already. Order still holds where it
 * matters: two events of one stream are written by transactions that queued on the stream's lock,
 * so the later one commits after the earlier and has the greater transaction id; an event caused
 * by another (a reaction, a later request) is written by a transaction that began after the cause
 * committed. Only writes that raced each other may leave in either order, as they could have
 * happened in either. See docs/architecture.md, "Visibility".
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly channel: string;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** Set by a wake that came while no pause was waiting for it: the next pause returns at once. */
  private woken = false;
  private leading = false;
  private notifying?: Promise<void>;
  private notifyAgain = false;
  /**
   * An append in this process wakes the relay if it leads here; otherwise it tells the leader, in
   * whichever instance of the service that is, by a notification on the outbox's channel.
   */
  private readonly onAppend = () => (this.leading ? this.signal() : this.notifyLeader());

  constructor(
    private readonly pool: Pool,
    private readonly transport: Transport,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleWaitMs = options.idleWaitMs ?? 250;
    this.onError = options.onError ?? (() => undefined);
    // A channel is an identifier of at most 63 bytes; schema names are checked identifiers.
    this.channel = `lintas_outbox_${options.schema}`.slice(0, 63);
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.options.wakeOn?.on('appended', this.onAppend);
    this.running = this.run().finally(() => this.options.wakeOn?.off('appended', this.onAppend));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.leadWhileHoldingLock();
      } catch (error) {
        this.onError(error);
      }
      // Not leading (or no longer): try for the lock again after the idle wait, not at once.
      this.woken = false;
      if (!this.stopping) await this.pause();
    }
  }

  /** Waits to become the relay of this outbox, then relays until stopped or the lock's session dies. */
  private async leadWhileHoldingLock(): Promise<void> {
    const session = await this.pool.connect();
    let broken = false;
    const onSessionError = () => {
      broken = true;
      this.wake?.();
    };
    session.on('error', onSessionError);
    try {
      const { rows } = await session.query<{ leader: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('lintas-outbox-relay:' || $1)) AS leader`,
        [this.options.schema],
      );
      if (!rows[0]?.leader) return;
      const onNotification = () => this.signal();
      session.on('notification', onNotification);
      await session.query(`LISTEN ${this.channel}`);
      this.leading = true;
      const publisher = await this.transport.publisher();
      // The next batch is read while the last one is on its way to the broker; sends run one after
      // another, and all are done, and what they shipped deleted, before leadership is given up.
      const shipping: RelaySession = {
        shipped: new Map(),
        sending: Promise.resolve(),
        acknowledged: [],
        floor: '0',
        floorAt: -Infinity,
      };
      try {
        while (!this.stopping && !broken) {
          const read = await this.relayBatch(publisher, shipping);
          // A short batch was all there was when it was read; what committed since woke the relay
          // (the pause then returns at once), so reading again now would mostly find nothing.
          if (read < this.batchSize) await this.pause();
        }
        await shipping.sending;
        await this.deleteAndRead(shipping.acknowledged.splice(0), [], 0, shipping.floor, false);
      } finally {
        this.leading = false;
        session.off('notification', onNotification);
        await publisher.close();
        if (!broken) {
          await session.query(`UNLISTEN ${this.channel}`);
          await session.query(`SELECT pg_advisory_unlock(hashtext('lintas-outbox-relay:' || $1))`, [
            this.options.schema,
          ]);
        }
      }
    } finally {
      session.off('error', onSessionError);
      session.release(broken);
    }
  }

  /**
   * Deletes the rows the broker acknowledged since the last read, and reads the oldest committed
   * rows not yet shipped, in one statement; sends them once the batch before them is acknowledged;
   * resolves with how many it read. A failed send rejects the batch after it (never sent, so order
   * holds) and ends the leadership: the next one reads again from the first row not deleted.
   *
   * The delete rides on the read: one statement a batch instead of two (at 1,000 events a second
   * about a quarter of all the relay's and inboxes' statements). When nothing more comes, the idle
   * read deletes what is left within idleWaitMs. The delete commits without waiting for the disk:
   * a delete lost in a server crash only sends its rows again, which the relay must bear anyway,
   * and every flush a committer waits for queues the appends' and inboxes' commits behind it. The
   * read's snapshot still holds the rows it deletes; they are among the shipped, which it skips.
   */
  private async relayBatch(publisher: Publisher, shipping: RelaySession): Promise<number> {
    const skipped = [...shipping.shipped.values()];
    const acknowledged = shipping.acknowledged.splice(0);
    // Whatever commits from now on may be missed by this read: a wake from now on counts.
    this.woken = false;
    const askHorizon = performance.now() - shipping.floorAt >= FLOOR_EVERY_MS;
    const { rows, horizon } = await this.deleteAndRead(
      acknowledged,
      skipped,
      this.batchSize,
      shipping.floor,
      askHorizon,
    );
    for (const row of acknowledged) shipping.shipped.delete(rowKey(row));
    if (horizon !== null) {
      // Below the horizon no transaction of a writer can still commit a row, and this read (with the
      // rows shipped before it) got every one there was; but for a full batch only up to its last.
      const read = rows.length < this.batchSize ? horizon : minXid(horizon, rows.at(-1)?.transaction_id ?? horizon);
      shipping.floor = maxXid(shipping.floor, read);
      shipping.floorAt = performance.now();
    }
    if (rows.length === 0) {
      await shipping.sending;
      return 0;
    }
    this.options.observer?.read(rows.map(headersOf));
    for (const row of rows) shipping.shipped.set(rowKey(row), row);
    const messages: OutgoingMessage[] = rows.map((r) => ({
      topic: r.topic,
      key: r.key,
      headers: r.headers,
      value: r.value,
    }));
    await shipping.sending;
    shipping.sending = publisher.send(messages).then(() => {
      this.options.observer?.sent(rows.map(headersOf));
      shipping.acknowledged.push(...rows);
    });
    // Awaited by the next batch or the end of the leadership; marked handled meanwhile, so that a
    // failure while the next batch is read is not an unhandled rejection (which ends the process).
    shipping.sending.catch(() => undefined);
    return rows.length;
  }

  /**
   * One statement, so one implicit transaction, whose setting holds until its commit (an explicit
   * BEGIN, SET LOCAL and COMMIT would cost three more messages). The horizon, when asked for, is
   * read in the same snapshot as the rows.
   */
  private async deleteAndRead(
    deleted: OutboxRow[],
    skipped: OutboxRow[],
    limit: number,
    floor: string,
    askHorizon: boolean,
  ): Promise<{ rows: OutboxRow[]; horizon: string | null }> {
    const schema = this.options.schema;
    const { rows } = await this.pool.query<Partial<OutboxRow> & { horizon: string | null }>(
      `WITH unflushed AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
       deleted AS (
         DELETE FROM ${schema}.outbox
          WHERE (transaction_id, sequence) IN (SELECT * FROM unnest($1::text[]::xid8[], $2::bigint[]))
            AND EXISTS (SELECT FROM unflushed)
       ),
       horizon AS MATERIALIZED (SELECT CASE WHEN $7::boolean THEN ${schema}.visibility_horizon() END AS xid)
       SELECT o.*, h.xid::text AS horizon FROM horizon h LEFT JOIN LATERAL (
         SELECT transaction_id::text, sequence::text, topic, key, headers, value FROM ${schema}.outbox
          WHERE transaction_id >= $6::text::xid8
            AND (transaction_id, sequence) NOT IN (SELECT * FROM unnest($3::text[]::xid8[], $4::bigint[]))
          ORDER BY outbox.transaction_id, outbox.sequence LIMIT $5
       ) o ON true`,
      [
        deleted.map((r) => r.transaction_id),
        deleted.map((r) => r.sequence),
        skipped.map((r) => r.transaction_id),
        skipped.map((r) => r.sequence),
        limit,
        floor,
        askHorizon,
      ],
    );
    return {
      rows: rows.filter((row): row is OutboxRow & { horizon: string | null } => row.transaction_id != null),
      horizon: rows[0]?.horizon ?? null,
    };
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  /** One notification at a time, and one more if appends came while it was on its way. */
  private notifyLeader(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = this.pool
      .query('SELECT pg_notify($1, $2)', [this.channel, ''])
      .then(() => undefined, this.onError)
      .finally(() => {
        this.notifying = undefined;
        if (!this.notifyAgain) return;
        this.notifyAgain = false;
        this.notifyLeader();
      });
  }

  private pause(): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.idleWaitMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.wake = undefined));
  }
}

const rowKey = (row: OutboxRow): string => `${row.transaction_id}:${row.sequence}`;
/** Transaction ids (xid8) as text: whole numbers that may pass 2^53. */
const minXid = (a: string, b: string): string => (BigInt(a) <= BigInt(b) ? a : b);
const maxXid = (a: string, b: string): string => (BigInt(a) >= BigInt(b) ? a : b);
const headersOf = (row: OutboxRow): Record<string, string> => row.headers;
