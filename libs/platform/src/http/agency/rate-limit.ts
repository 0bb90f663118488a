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
    /** Buckets kept before full ones are dropped: keys an attacker chooses must not grow memory without end. */
    private readonly tracked = 10_000,
  ) {}

  /** 0 when the request may go; otherwise the whole seconds until one token is back. */
  take(clientId: string): number {
    const now = this.now();
    if (this.buckets.size >= this.tracked && !this.buckets.has(clientId)) this.makeRoom(now);
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

  /** How many keys have a bucket now. */
  get size(): number {
    return this.buckets.size;
  }

  // A bucket that has refilled is the same as none. Were all still draining (keys made up faster
  // than they refill), the oldest go: that hands their keys a fresh burst, still a bounded one.
  private makeRoom(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1_000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.tracked) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * The rate of refused tokens per source address: every refusal of a read of people's data is
 * recorded (UU PDP), so without a bound a flood of bad tokens would grow the access records as
 * fast as it can send. Past this rate the answer is 429, unrecorded (the HTTP metrics count it).
 */
export class RefusedTokenLimiter extends RateLimiter {}
