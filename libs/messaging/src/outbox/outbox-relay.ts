import { VISIBLE_TRANSACTION_SQL } from '@lintas/event-store/read/visibility';
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
}

const FRESH_APPEND_WINDOW_MS = 1_000;
const FRESH_RETRY_MS = 5;

interface RelaySession {
  /** The last row read in this leadership: the next batch is read past it. */
  after: OutboxRow | undefined;
  /** The batch on its way to the broker: one at a time, so each person's order holds. */
  sending: Promise<void>;
  /** Rows at or before the last one acknowledged are being deleted, one batch after another. */
  deleting: Promise<void>;
}

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
 * rows again (at least once), which the consumers' inboxes absorb. Rows are read in the same
 * gap-safe order as events, so a late commit is never skipped and each person's order holds.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly onError: (error: unknown) => void;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** When this process last appended: its rows may still be behind an older running transaction. */
  private appendedAt = 0;
  private readonly onAppend = () => {
    this.appendedAt = Date.now();
    this.wake?.();
  };

  constructor(
    private readonly pool: Pool,
    private readonly transport: Transport,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleWaitMs = options.idleWaitMs ?? 250;
    this.onError = options.onError ?? (() => undefined);
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
      if (!this.stopping) await this.pause(false);
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
      const publisher = await this.transport.publisher();
      // The next batch is read while the last one is on its way to the broker, and shipped rows are
      // deleted off the critical path. Sends and deletes each run one after another, and all are
      // done before leadership is given up.
      const shipping: RelaySession = { after: undefined, sending: Promise.resolve(), deleting: Promise.resolve() };
      try {
        while (!this.stopping && !broken) {
          const read = await this.relayBatch(publisher, shipping);
          if (read === 0) await this.pause();
        }
        await shipping.sending;
        await shipping.deleting;
      } finally {
        await publisher.close();
        if (!broken)
          await session.query(`SELECT pg_advisory_unlock(hashtext('lintas-outbox-relay:' || $1))`, [
            this.options.schema,
          ]);
      }
    } finally {
      session.off('error', onSessionError);
      session.release(broken);
    }
  }

  /**
   * Reads the oldest visible rows not yet read and sends them once the batch before them is
   * acknowledged, then has them deleted once they are; resolves with how many it read. A failed
   * send rejects the batch after it (never sent, so order holds) and ends the leadership: the next
   * one reads again from the first row not deleted.
   */
  private async relayBatch(publisher: Publisher, shipping: RelaySession): Promise<number> {
    const schema = this.options.schema;
    const { rows } = await this.pool.query<OutboxRow>(
      `SELECT transaction_id::text, sequence::text, topic, key, headers, value FROM ${schema}.outbox
        WHERE (transaction_id, sequence) > ($1::text::xid8, $2::bigint)
          AND ${VISIBLE_TRANSACTION_SQL}
        ORDER BY outbox.transaction_id, outbox.sequence LIMIT $3`,
      [shipping.after?.transaction_id ?? '0', shipping.after?.sequence ?? '0', this.batchSize],
    );
    const last = rows.at(-1);
    if (!last) {
      await shipping.sending;
      return 0;
    }
    const messages: OutgoingMessage[] = rows.map((r) => ({
      topic: r.topic,
      key: r.key,
      headers: r.headers,
      value: r.value,
    }));
    await shipping.sending;
    shipping.after = last;
    shipping.sending = publisher.send(messages).then(() => {
      // A failed delete only means those rows go out again after a restart: report it, carry on.
      shipping.deleting = shipping.deleting.then(() => this.deleteShipped(rows)).catch(this.onError);
    });
    // Awaited by the next batch or the end of the leadership; marked handled meanwhile, so that a
    // failure while the next batch is read is not an unhandled rejection (which ends the process).
    shipping.sending.catch(() => undefined);
    return rows.length;
  }

  private async deleteShipped(rows: OutboxRow[]): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.options.schema}.outbox
        WHERE (transaction_id, sequence) IN (SELECT * FROM unnest($1::text[]::xid8[], $2::bigint[]))`,
      [rows.map((r) => r.transaction_id), rows.map((r) => r.sequence)],
    );
  }

  /** `afterAppend`: a leader that just shipped nothing looks again soon after a fresh append. */
  private pause(afterAppend = true): Promise<void> {
    // A fresh append is not readable until every older transaction on the server has ended, which
    // takes milliseconds: look again soon rather than after the idle wait.
    const fresh = afterAppend && Date.now() - this.appendedAt < FRESH_APPEND_WINDOW_MS;
    const waitMs = fresh ? FRESH_RETRY_MS : this.idleWaitMs;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.wake = undefined));
  }
}
