import { inTransaction } from '@lintas/platform/database/transaction';
import type { EventStore } from '../event-store';
import { comparePositions, START, type GlobalPosition } from '../position';
import { decodeRows, rowPosition } from '../read/decode';
import { Checkpoints } from './checkpoints';
import type { Projection } from './projection';

const FRESH_APPEND_WINDOW_MS = 1_000;
const FRESH_RETRY_MS = 5;
const REBUILD_STALL_MS = 10_000;

export interface RebuildProgress {
  done: number;
  total: number;
  eventsPerSecond: number;
}

export interface SubscriptionOptions {
  batchSize?: number;
  /** How long to wait for new events before looking again, when nothing in this process wakes it. */
  idleWaitMs?: number;
  /** A batch failed; it is tried again after idleWaitMs. */
  onError?: (error: unknown) => void;
}

/** What a batch answers when another instance moved the checkpoint meanwhile: read again at once. */
const MOVED = -1;
/**
 * Feeds a projection from the global order, from its stored checkpoint on. Each batch and the new
 * checkpoint commit in one transaction: a crash replays at most an uncommitted batch, never a
 * committed one. It wakes on appends in this process and looks again every idleWaitMs otherwise.
 */
export class CatchUpSubscription {
  private readonly checkpoints: Checkpoints;
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly onError: (error: unknown) => void;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** When this process last appended: its events may still be behind an older running transaction. */
  private appendedAt = 0;
  private current: GlobalPosition = START;
  private readonly waiters = new Set<{ position: GlobalPosition; resolve: () => void }>();

  constructor(
    private readonly store: EventStore,
    private readonly projection: Projection,
    options: SubscriptionOptions = {},
  ) {
    this.checkpoints = new Checkpoints(store.schema);
    this.batchSize = options.batchSize ?? 1_000;
    this.idleWaitMs = options.idleWaitMs ?? 250;
    this.onError = options.onError ?? (() => undefined);
  }

  get position(): GlobalPosition {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    const onAppend = () => {
      this.appendedAt = Date.now();
      this.wake?.();
    };
    this.store.appended.on('appended', onAppend);
    this.running = this.loop().finally(() => this.store.appended.off('appended', onAppend));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Applies every event visible now; resolves with how many it applied. */
  async catchUp(onBatch?: (applied: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.applyNextBatch();
      if (applied === 0) return total;
      total += applied;
      onBatch?.(total);
    }
  }

  /** Resolves once the projection has applied everything up to the position (read-your-writes). */
  waitFor(position: GlobalPosition): Promise<void> {
    if (comparePositions(this.current, position) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  /**
   * Forgets the read model and builds it again from the first event while appends go on; the live
   * subscription, if it was running, carries on from where the rebuild ends.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const wasRunning = this.running !== undefined;
    await this.stop();
    await inTransaction(this.store.pool, async (client) => {
      await this.checkpoints.lock(client, this.projection.name);
      await this.projection.reset(client);
      await this.checkpoints.write(client, this.projection.name, START);
    });
    this.current = START;
    const { rows } = await this.store.pool.query<{ total: string }>(
      `SELECT count(*)::text AS total FROM ${this.store.schema}.events`,
    );
    const total = Number(rows[0]?.total ?? 0);
    const started = performance.now();
    let done = 0;
    const report = (applied: number) =>
      onProgress?.({
        done: done + applied,
        total,
        eventsPerSecond: Math.round((done + applied) / ((performance.now() - started) / 1_000)),
      });
    // Every event counted has committed, but one may not be readable yet while an older transaction
    // is still open (the visibility rule): keep going until all of them are applied.
    // (A row deleted behind the store's back would never come: give up after a while without progress.)
    for (let idleSince = Date.now(); Date.now() - idleSince < REBUILD_STALL_MS;) {
      const applied = await this.catchUp(report);
      done += applied;
      if (done >= total) break;
      if (applied > 0) idleSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, FRESH_RETRY_MS));
    }
    if (wasRunning) this.start();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const applied = await this.applyNextBatch().catch((error: unknown) => {
        this.onError(error);
        return 0;
      });
      if (applied > 0 || applied === MOVED || this.stopping) continue;
      // A fresh append is not readable until every older transaction on the server has ended, which
      // takes milliseconds: look again soon rather than after the idle wait.
      const waitMs = Date.now() - this.appendedAt < FRESH_APPEND_WINDOW_MS ? FRESH_RETRY_MS : this.idleWaitMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * The batch is read and opened before the checkpoint's transaction begins, and applied only if the
   * checkpoint is still where it was read from (another instance may have moved it: then the batch
   * is read again). A transaction that held its connection while reading took a second one from
   * the same pool: a backlog in every projection and reaction at once then held every connection
   * waiting for another, and the service stalled.
   */
  private async applyNextBatch(): Promise<number> {
    const seen = await this.checkpoints.read(this.store.pool, this.projection.name);
    const rows = await this.store.readAllRows({ after: seen, maxCount: this.batchSize });
    const last = rows.at(-1);
    if (!last) {
      this.current = seen;
      this.releaseWaiters();
      return 0;
    }
    const events = await decodeRows(rows, this.store.registry, this.store.cipher);
    const position = rowPosition(last);
    const applied = await inTransaction(this.store.pool, async (client) => {
      const from = await this.checkpoints.lock(client, this.projection.name);
      if (comparePositions(from, seen) !== 0) return MOVED;
      await this.projection.apply(events, client);
      await this.checkpoints.write(client, this.projection.name, position);
      return rows.length;
    });
    // Only once committed: a reader that waits for this position reads the batch's rows right away.
    if (applied !== MOVED) this.current = position;
    this.releaseWaiters();
    return applied;
  }

  private releaseWaiters(): void {
    for (const waiter of this.waiters) {
      if (comparePositions(this.current, waiter.position) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
