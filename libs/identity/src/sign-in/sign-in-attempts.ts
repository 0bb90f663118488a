/**
 * Failed sign-ins per typed user id: past `limit` within `windowMs`, the page refuses that id
 * until the oldest failure ages out, whether or not such a user exists (so the refusal tells
 * nobody who does). Guessing a password then takes years, while a person who mistyped waits
 * minutes. Kept in each instance's memory: n instances allow n times the rate, still bounded.
 */
export class SignInAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    /** Ids tracked at most: ids an attacker makes up must not grow memory without end. */
    private readonly tracked = 10_000,
  ) {}

  /** 0 when the id may try; otherwise the milliseconds until it may. */
  waitFor(userId: string): number {
    const recent = this.recent(userId);
    if (recent.length < this.limit) return 0;
    return (recent[0] ?? 0) + this.windowMs - this.now();
  }

  failed(userId: string): void {
    if (this.failures.size >= this.tracked && !this.failures.has(userId)) this.makeRoom();
    this.failures.set(userId, [...this.recent(userId), this.now()]);
  }

  succeeded(userId: string): void {
    this.failures.delete(userId);
  }

  private recent(userId: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(userId) ?? []).filter((at) => at > since);
  }

  private makeRoom(): void {
    const since = this.now() - this.windowMs;
    for (const [key, times] of this.failures) if (times.every((at) => at <= since)) this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.tracked) break;
      this.failures.delete(key);
    }
  }
}
