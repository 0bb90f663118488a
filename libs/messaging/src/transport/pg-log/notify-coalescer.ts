import type { Pool } from 'pg';

/**
 * Wakes consumers after publishes, from its own autocommit statement rather than inside the insert:
 * a NOTIFY in a transaction takes a server-wide lock at commit that would serialise all committing
 * publishers. Topics asked for within one window go out in a single statement, so a busy publisher
 * sends a few notifications per window, not one per send. The notification is only a hint: if it is
 * lost, consumers still find the messages at their next poll.
 */
export class NotifyCoalescer {
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  private sending?: Promise<void>;
  private lastSentAt = -Infinity;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly windowMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(topics: Iterable<string>): void {
    for (const topic of topics) this.pending.add(topic);
    this.schedule();
  }

  /** Sends what is pending now and waits for it, so that nothing runs on the pool after its owner ends it. */
  async drain(): Promise<void> {
    while (this.sending || this.pending.size > 0) await (this.sending ?? this.send());
  }

  private schedule(): void {
    if (this.timer || this.sending || this.pending.size === 0) return;
    const delay = Math.max(0, this.lastSentAt + this.windowMs - performance.now());
    this.timer = setTimeout(() => void this.send(), delay);
  }

  private send(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const topics = [...this.pending];
    this.pending.clear();
    this.lastSentAt = performance.now();
    this.sending = this.pool
      .query('SELECT pg_notify($1, topic) FROM unnest($2::text[]) AS topic', [this.channel, topics])
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.sending = undefined;
        this.schedule();
      });
    return this.sending;
  }
}
