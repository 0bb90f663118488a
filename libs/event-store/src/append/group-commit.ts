import type { Pool } from 'pg';
import { hasSqlState, SqlState } from '@lintas/platform/database/sql-state';
import type { AppendRequest, AppendResult } from './prepared-append';
import { writeBatch, type BatchOutcome, type BeforeCommit } from './write-batch';

interface Pending {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

export interface GroupCommitOptions {
  /** Appends written in one transaction at most. */
  maxBatch: number;
  /** Transactions in flight at once at most, each on its own connection. */
  maxInFlight: number;
  /**
   * Another transaction starts beside those in flight only once the latest has been out this long
   * (0: at once). On a busy server one at a time carries more appends per commit for less CPU
   * (measured in bench/README.md), and one held up by a lock or a slow flush holds up the appends
   * queued behind it for no longer than this.
   */
  overlapAfterMs: number;
  /** Told how many appends each transaction carried that committed: how well the grouping works. */
  onWritten?: (appends: number) => void;
}

const MAX_ATTEMPTS = 3;

/**
 * Merges concurrent appends into shared transactions: while some are committing, new ones queue
 * and go together in the next. One commit (one WAL flush) then carries many appends, which is
 * how a store beats the ceiling of one INSERT per transaction.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private lastStartedAt = 0;
  private pumpScheduled = false;
  private overlapTimer: NodeJS.Timeout | undefined;

  constructor(
    /** Connections of their own: a batch is one statement on one of them, one round trip. */
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: GroupCommitOptions,
    private readonly beforeCommit?: BeforeCommit,
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedulePump();
    });
  }

  /**
   * Dispatches after the current turn of the event loop, not at once: the writers whose appends
   * just committed submit their next ones in that turn, and they then travel together instead of
   * each in a transaction of its own.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const wait = this.inFlight === 0 ? 0 : this.lastStartedAt + this.options.overlapAfterMs - performance.now();
      if (wait > 0) {
        this.overlapTimer ??= setTimeout(() => {
          this.overlapTimer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      this.lastStartedAt = performance.now();
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.schedulePump();
      });
    }
  }

  private async commit(batch: Pending[], attempt = 1): Promise<void> {
    try {
      const outcomes = await this.write(batch.map((p) => p.request));
      this.options.onWritten?.(batch.length);
      outcomes.forEach((outcome, i) => settle(batch[i], outcome));
    } catch (error) {
      if (isRaceBetweenBatches(error) && attempt < MAX_ATTEMPTS) {
        // Another transaction created one of these streams first, or locked across ours. Written
        // again, alone, each append now finds and locks the stream's head and gets its true outcome.
        await Promise.all(batch.map((pending) => this.commit([pending], attempt + 1)));
        return;
      }
      for (const pending of batch) pending.reject(asError(error));
    }
  }

  private async write(requests: AppendRequest[]): Promise<BatchOutcome[]> {
    const client = await this.pool.connect();
    try {
      return await writeBatch(client, this.schema, requests, this.beforeCommit);
    } finally {
      client.release();
    }
  }
}

function settle(pending: Pending | undefined, outcome: BatchOutcome): void {
  if (!pending) return;
  if (outcome.ok) pending.resolve(outcome.result);
  else pending.reject(outcome.error);
}

function isRaceBetweenBatches(error: unknown): boolean {
  return hasSqlState(error, SqlState.uniqueViolation, SqlState.deadlockDetected);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
