import type { Notification, Pool, PoolClient } from 'pg';
import { eachAtOnce } from '../each-at-once';
import {
  COMMIT_INTERVAL_MS,
  PARTITIONS_HANDLED_AT_ONCE,
  type ConsumeOptions,
  type Headers,
  type IncomingMessage,
  type Subscription,
} from '../transport';
import { messagesChannel, releasedChannel } from './pg-log-schema';

export interface PgLogSubscriptionSettings {
  pool: Pool;
  schema: string;
  pollIntervalMs: number;
  onError(error: unknown): void;
}

/** Where a group has got to in one partition: after this message. */
interface Position {
  transactionId: string;
  sequence: string;
}

interface TopicClaim {
  readonly topic: string;
  readonly partitions: number;
  /** The next read position of each partition; set only while this member holds the topic. */
  cursors?: Position[];
}

/** The connection that holds this member's locks and hears notifications. */
interface Session {
  readonly client: PoolClient;
  broken: boolean;
  detach(): void;
}

interface FetchedRow {
  n: number;
  transaction_id: string | null;
  sequence: string | null;
  key: string | null;
  value: Buffer | null;
  headers: string | null;
  held: boolean;
}

type Round = 'delivered' | 'held' | 'idle';

/** Messages per partition per fetch. */
const PAGE = 500;
const HANDLER_RETRY_MS = { first: 100, max: 5_000 };
const RECONNECT_MS = { first: 200, max: 5_000 };
/** How soon to look again when committed messages wait behind an older transaction still running. */
const HELD_RETRY_MS = { first: 5, max: 100 };

const backoff = (range: { first: number; max: number }, attempt: number): number =>
  Math.min(range.max, range.first * 2 ** attempt);

/**
 * One member of a consumer group. For each topic it is either the active member, holding a session
 * advisory lock on (group, topic) and reading every partition of it, or a standby that tries for
 * the lock when the active member lets go and at every poll. One active member per topic means no
 * partition assignment and no rebalancing: a key's messages have one reader at a time. Offsets are
 * written through the connection that holds the lock, so a member that lost its connection, and
 * with it the lock, can no longer commit over its successor.
 */
export class PgLogSubscription implements Subscription {
  private running = true;
  private session?: Session;
  private loop?: Promise<void>;
  private readonly claims: TopicClaim[];
  private readonly wake = new Wake();
  private readonly stopped: Promise<void>;
  private signalStopped: () => void = () => undefined;
  private claimDue = true;
  private lastClaimAt = -Infinity;
  /** Handled, not yet stored: by topic and partition, the position after the last message handled. */
  private readonly unstored = new Map<string, { topic: string; partition: number; position: Position }>();
  private storedAt = -Infinity;
  /** The last offsets written, not waited for: the next fetch goes out behind them (see fetchAndDeliver). */
  private storing?: Promise<unknown>;

  constructor(
    private readonly settings: PgLogSubscriptionSettings,
    private readonly options: ConsumeOptions,
    partitions: ReadonlyMap<string, number>,
  ) {
    this.claims = [...new Set(options.topics)].map((topic) => ({ topic, partitions: partitions.get(topic) ?? 1 }));
    this.stopped = new Promise((resolve) => (this.signalStopped = resolve));
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signalStopped();
    this.wake.signal();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let heldRounds = 0;
    while (this.running) {
      try {
        const session = await this.connect();
        if (!this.running) break;
        await this.claim(session);
        const round = await this.fetchAndDeliver(session);
        failures = 0;
        heldRounds = round === 'held' ? heldRounds + 1 : 0;
        if (round === 'delivered') continue;
        const waitMs = round === 'held' ? backoff(HELD_RETRY_MS, heldRounds - 1) : this.untilNextClaim();
        await this.wake.wait(Math.min(waitMs, this.untilOffsetsDue()));
      } catch (error) {
        if (!this.running) break;
        // A lost connection was told of as it went.
        if (!this.session?.broken) this.settings.onError(error);
        this.dropSession();
        await this.pause(backoff(RECONNECT_MS, failures));
        failures += 1;
      }
    }
    await this.leave();
  }

  private async connect(): Promise<Session> {
    if (this.session && !this.session.broken) return this.session;
    this.dropSession();
    const client = await this.settings.pool.connect();
    const onNotification = (notification: Notification) => this.notified(notification);
    const onLost = (error?: Error) => {
      if (error && !session.broken) this.settings.onError(error);
      session.broken = true;
      this.wake.signal();
    };
    const onEnd = () => onLost();
    const session: Session = {
      client,
      broken: false,
      detach: () => {
        client.off('notification', onNotification);
        client.off('error', onLost);
        client.off('end', onEnd);
      },
    };
    client.on('notification', onNotification);
    client.on('error', onLost);
    client.on('end', onEnd);
    this.session = session;
    // An offset lost in a server crash only means its batch comes again, which consumers must bear
    // anyway; so offset writes do not wait for the WAL flush.
    await client.query('SET synchronous_commit = off');
    await client.query(`LISTEN "${messagesChannel(this.settings.schema)}"`);
    await client.query(`LISTEN "${releasedChannel(this.settings.schema)}"`);
    // Messages may have come while this member was not listening.
    this.claimDue = true;
    return session;
  }

  /** A lost connection took its locks and LISTENs with it: every topic goes back to standby. */
  private dropSession(): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    this.storing = undefined;
    // Its topics are claimed again from the offsets stored; whatever this session handled after them comes again.
    this.unstored.clear();
    for (const claim of this.claims) claim.cursors = undefined;
    session.client.release(true);
    session.detach();
  }

  private notified(notification: Notification): void {
    const payload = notification.payload ?? '';
    if (notification.channel === messagesChannel(this.settings.schema)) {
      if (this.claims.some((claim) => claim.topic === payload)) this.wake.signal();
      return;
    }
    if (notification.channel === releasedChannel(this.settings.schema)) {
      const [groupId, topic] = parseReleased(payload);
      if (groupId !== this.options.groupId) return;
      if (this.claims.some((claim) => claim.topic === topic && !claim.cursors)) {
        this.claimDue = true;
        this.wake.signal();
      }
    }
  }

  private untilNextClaim(): number {
    if (this.claims.every((claim) => claim.cursors)) return this.settings.pollIntervalMs;
    return Math.max(0, this.lastClaimAt + this.settings.pollIntervalMs - performance.now());
  }

  /** Tries for the topics this member does not hold, when one was let go or a poll interval passed. */
  private async claim(session: Session): Promise<void> {
    const waiting = this.claims.filter((claim) => !claim.cursors);
    if (waiting.length === 0) return;
    if (!this.claimDue && performance.now() - this.lastClaimAt < this.settings.pollIntervalMs) return;
    this.claimDue = false;
    this.lastClaimAt = performance.now();
    const s = this.settings.schema;
    for (const claim of waiting) {
      const { rows } = await session.client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [JSON.stringify(['lintas-pg-log', s, this.options.groupId, claim.topic])],
      );
      if (!rows[0]?.locked) continue;
      // Read only now that the lock is held: the previous member wrote its last offset before letting go.
      const offsets = await session.client.query<{ transaction_id: string; sequence: string }>(
        `SELECT coalesce(o.transaction_id, '0'::xid8)::text AS transaction_id,
                coalesce(o.sequence, 0)::text AS sequence
           FROM generate_series(0, $3::int - 1) AS p(partition)
           LEFT JOIN ${s}.group_offsets o ON o.group_id = $1 AND o.topic = $2 AND o.partition = p.partition
          ORDER BY p.partition`,
        [this.options.groupId, claim.topic, claim.partitions],
      );
      claim.cursors = offsets.rows.map((row) => ({ transactionId: row.transaction_id, sequence: row.sequence }));
    }
  }

  /**
   * Reads the next page of every held partition in one statement and hands each partition's page to
   * the handler in order. Only transactions older than every transaction still running are read, so
   * a publish that commits late can never land behind an offset already stored. `held` says whether
   * committed messages are waiting behind such a transaction (a Lintas writer's: see
   * writer-sessions.ts), which is worth looking again for soon: it may never send a notification.
   */
  private async fetchAndDeliver(session: Session): Promise<Round> {
    const cursors = this.claims.flatMap((claim) =>
      (claim.cursors ?? []).map((position, partition) => ({ claim, partition, position })),
    );
    if (cursors.length === 0) return 'idle';
    const s = this.settings.schema;
    if (this.untilOffsetsDue() === 0) this.storeOffsets(session);
    // Named, so that the session's connection plans it once, not at every fetch (a few hundred a second).
    const fetching = session.client.query<FetchedRow>({
      name: `lintas-pg-log-fetch:${s}`,
      text: `WITH cursors AS MATERIALIZED (
         SELECT * FROM unnest($1::text[], $2::int[], $3::xid8[], $4::bigint[]) WITH ORDINALITY
           AS c(topic, partition, transaction_id, sequence, n)
       ),
       horizon AS MATERIALIZED (SELECT ${s}.visibility_horizon() AS xmin),
       waiting AS MATERIALIZED (
         SELECT EXISTS (
           SELECT 1 FROM cursors c
            WHERE EXISTS (SELECT 1 FROM ${s}.messages x
                           WHERE x.topic = c.topic AND x.partition = c.partition
                             AND x.transaction_id >= (SELECT xmin FROM horizon))
         ) AS held
       )
       SELECT c.n::int AS n, m.transaction_id::text AS transaction_id, m.sequence::text AS sequence,
              m.key, m.value, m.headers::text AS headers, w.held
         FROM cursors c CROSS JOIN horizon h CROSS JOIN waiting w
         LEFT JOIN LATERAL (
           SELECT x.transaction_id, x.sequence, x.key, x.value, x.headers FROM ${s}.messages x
            WHERE x.topic = c.topic AND x.partition = c.partition
              AND (x.transaction_id, x.sequence) > (c.transaction_id, c.sequence)
              AND x.transaction_id < h.xmin
            ORDER BY x.transaction_id, x.sequence
            LIMIT $5
         ) m ON true
        ORDER BY c.n, m.transaction_id, m.sequence`,
      values: [
        cursors.map((c) => c.claim.topic),
        cursors.map((c) => c.partition),
        cursors.map((c) => c.position.transactionId),
        cursors.map((c) => c.position.sequence),
        PAGE,
      ],
    });
    // Offsets stored just ahead of this fetch went out on the same connection; a failure of theirs
    // (a lost connection) fails the round, and the topics are claimed again from the offsets stored.
    const stored = this.storing;
    this.storing = undefined;
    await stored;
    const { rows } = await fetching;

    const pages = cursors.map((): { message: IncomingMessage; position: Position }[] => []);
    for (const row of rows) {
      const cursor = cursors[row.n - 1];
      if (!cursor || row.transaction_id === null || row.sequence === null || row.value === null) continue;
      pages[row.n - 1]?.push({
        position: { transactionId: row.transaction_id, sequence: row.sequence },
        message: {
          topic: cursor.claim.topic,
          partition: cursor.partition,
          // The sequence names a message uniquely and for good, but it is taken at insert, not at
          // commit: within a partition it grows with delivery order only among one publish's messages.
          offset: row.sequence,
          key: row.key,
          value: row.value,
          headers: JSON.parse(row.headers ?? '{}') as Headers,
        },
      });
    }

    // Several partitions at once, each page in order; the offsets of those handled are stored at most
    // every COMMIT_INTERVAL_MS (storeOffsets).
    const handled = await eachAtOnce([...cursors.entries()], PARTITIONS_HANDLED_AT_ONCE, async ([i, cursor]) => {
      const page = pages[i] ?? [];
      const last = page.at(-1);
      if (!last || !this.running) return undefined;
      return (await this.handleUntilDone(page.map((p) => p.message)))
        ? { ...cursor, position: last.position }
        : undefined;
    });
    const done = handled.filter((cursor) => cursor !== undefined);
    for (const { claim, partition, position } of done) {
      if (claim.cursors) claim.cursors[partition] = position;
      this.unstored.set(`${partition}:${claim.topic}`, { topic: claim.topic, partition, position });
    }
    const delivered = done.length > 0;
    if (delivered) return 'delivered';
    return rows[0]?.held ? 'held' : 'idle';
  }

  /** 0 when handled offsets wait to be stored and the last were stored COMMIT_INTERVAL_MS ago or more. */
  private untilOffsetsDue(): number {
    if (this.unstored.size === 0) return Infinity;
    return Math.max(0, this.storedAt + COMMIT_INTERVAL_MS - performance.now());
  }

  /**
   * Writes the handled offsets through the connection that holds the lock, and does not wait for
   * them: the next statement on that connection (a fetch, or leave()'s unlock) goes out behind them,
   * in the same socket write, and fails if they failed (a lost connection), so the member then
   * claims its topics again from the offsets stored.
   */
  private storeOffsets(session: Session): void {
    if (this.unstored.size === 0) return;
    const offsets = [...this.unstored.values()];
    this.unstored.clear();
    this.storedAt = performance.now();
    this.storing = session.client.query(
      `INSERT INTO ${this.settings.schema}.group_offsets (group_id, topic, partition, transaction_id, sequence)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::xid8[], $5::bigint[])
       ON CONFLICT (group_id, topic, partition)
       DO UPDATE SET transaction_id = excluded.transaction_id, sequence = excluded.sequence`,
      [
        this.options.groupId,
        offsets.map((o) => o.topic),
        offsets.map((o) => o.partition),
        offsets.map((o) => o.position.transactionId),
        offsets.map((o) => o.position.sequence),
      ],
    );
    // Awaited by the next fetch or by leave(), or lost with the session.
    this.storing.catch(() => undefined);
  }

  /**
   * Calls the handler until it resolves, with the same batch each time: nothing after a batch may
   * go out before it. Resolves false when the member stopped before the batch got through.
   */
  private async handleUntilDone(batch: IncomingMessage[]): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.options.handle(batch);
        return true;
      } catch {
        if (!this.running) return false;
        await this.pause(backoff(HANDLER_RETRY_MS, attempt));
        if (!this.running) return false;
      }
    }
  }

  /**
   * Lets go of the topics explicitly rather than by closing the connection: the server frees a closed
   * session's locks only once it notices, and standbys are told at once so they need not wait a poll.
   */
  private async leave(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    // The last offsets go before the unlock, on this connection; a failure of theirs keeps the locks
    // until the connection is closed below, so no successor reads offsets older than what was handled.
    if (!session.broken) this.storeOffsets(session);
    const stored = this.storing;
    this.storing = undefined;
    this.unstored.clear();
    const held = this.claims.filter((claim) => claim.cursors).map((claim) => claim.topic);
    for (const claim of this.claims) claim.cursors = undefined;
    try {
      if (session.broken) throw new Error('the session connection was lost');
      await stored;
      await session.client.query('UNLISTEN *');
      await session.client.query('SELECT pg_advisory_unlock_all()');
      await session.client.query('RESET synchronous_commit');
      if (held.length > 0) {
        await session.client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          releasedChannel(this.settings.schema),
          held.map((topic) => JSON.stringify([this.options.groupId, topic])),
        ]);
      }
      session.client.release();
    } catch {
      session.client.release(true);
    } finally {
      session.detach();
    }
  }

  /** Sleeps, but no longer than until stop(). */
  private async pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), this.stopped]);
    clearTimeout(timer);
  }
}

function parseReleased(payload: string): [string | undefined, string | undefined] {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // Not ours to understand: someone else notified on the channel.
  }
  return [undefined, undefined];
}

/** A wake-up that is not lost when it comes while the loop is busy: the next wait returns at once. */
class Wake {
  private signalled = false;
  private resolve?: () => void;

  signal(): void {
    this.signalled = true;
    this.resolve?.();
  }

  async wait(ms: number): Promise<void> {
    if (!this.signalled) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.resolve = resolve;
        timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
      this.resolve = undefined;
    }
    this.signalled = false;
  }
}
