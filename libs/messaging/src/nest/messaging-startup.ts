import type { Logger } from 'pino';
import type { ReadinessCheck } from '@lintas/platform/health/readiness-check';
import { pause } from '../transport/kafka-waits';

/** The wait after a failed attempt, doubled each time up to the cap. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;
/** Enough of a nested error's chain to name the cause, without one entry per broker of a large cluster. */
const MAX_REASONS = 5;

export function startupRetryDelay(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_MS);
}

/**
 * Starts a service's messaging (its topics, outbox relay and inbox consumer), and keeps trying
 * while the broker (or, for the PostgreSQL log, the database) does not answer, instead of ending
 * the process: the service serves HTTP and stays live, and its readiness names the dependency as
 * down until an attempt succeeds. See docs/architecture.md, "Broker outages and recovery".
 */
export class MessagingStartup implements ReadinessCheck {
  private started = false;
  private reason = 'starting';
  private readonly stopping = new AbortController();
  private retrying?: Promise<void>;

  /**
   * `name` is the dependency messaging waits for, as readiness names it (`kafka`, `postgres`), so
   * that its report stays one entry per dependency.
   */
  constructor(
    readonly name: string,
    private readonly logger: Logger,
    private readonly retryDelay: (failedAttempts: number) => number = startupRetryDelay,
  ) {}

  /**
   * Resolves once the first attempt settled: started, or failed and retried in the background, so
   * that a service whose broker answers is fully started when it begins to listen.
   */
  async start(attempt: () => Promise<void>): Promise<void> {
    if (await this.tryOnce(attempt, 1)) return;
    this.retrying = this.retry(attempt);
  }

  async check(): Promise<void> {
    if (!this.started) throw new Error(`messaging not started: ${this.reason}`);
  }

  /** Ends the retries; resolves once an attempt under way has settled, so what it started can be stopped. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.retrying;
  }

  private async retry(attempt: () => Promise<void>): Promise<void> {
    for (let number = 2; ; number += 1) {
      if (!(await pause(this.retryDelay(number - 1), this.stopping.signal))) return;
      if (await this.tryOnce(attempt, number)) return;
    }
  }

  private async tryOnce(attempt: () => Promise<void>, number: number): Promise<boolean> {
    try {
      await attempt();
    } catch (error) {
      this.reason = describeFailure(error);
      const retryInMs = this.retryDelay(number);
      // One line an attempt, and no stack: an outage of minutes must stay readable in the log.
      this.logger.warn(
        { attempt: number, retryInMs, reason: this.reason },
        `messaging could not start (attempt ${number}), trying again in ${retryInMs} ms: ${this.reason}`,
      );
      return false;
    }
    this.started = true;
    if (number > 1) this.logger.info({ attempt: number }, `messaging started at attempt ${number}`);
    return true;
  }
}

/**
 * The messages along an error's chain (nested `errors` and `cause`), which the clients fill with
 * what actually failed: "Creating topics failed: Cannot connect to any broker: … ECONNREFUSED".
 */
export function describeFailure(error: unknown): string {
  const reasons: string[] = [];
  const visit = (current: unknown, depth: number): void => {
    if (reasons.length >= MAX_REASONS || depth > MAX_REASONS) return;
    if (!(current instanceof Error)) {
      if (current !== undefined && current !== null) reasons.push(String(current));
      return;
    }
    const message = current.message.trim().replace(/\.$/, '');
    if (message !== '' && !reasons.includes(message)) reasons.push(message);
    const inner = (current as Error & { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const next of inner) visit(next, depth + 1);
    visit(current.cause, depth + 1);
  };
  visit(error, 0);
  return reasons.length > 0 ? reasons.join(': ') : 'unknown error';
}
