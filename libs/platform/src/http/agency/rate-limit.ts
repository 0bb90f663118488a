/**
 * A token bucket per client: `perSecond` requests a second on average, `burst` at once. Kept in
 * the instance's memory: with n instances behind a balancer a client gets about n times the rate,
 * which bounds a runaway client without a shared store on the path of every request.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** 0 when the request may go; otherwise the whole seconds until one token is back. */
  take(clientId: string): number {
    const now = this.now();
    const bucket = this.buckets.get(clientId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1_000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(clientId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }
}
