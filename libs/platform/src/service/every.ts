/**
 * Work done again every interval, one round at a time: a tick that comes while a round is under
 * way is skipped, so a round that outlasts the interval neither runs beside the next nor lets
 * rounds queue up behind it; stopping waits for the round under way. A round's failure goes to
 * `onError` and the next round tries again. The one shape of every background schedule (seals,
 * ledger checkpoints, verifications).
 */
export class Every {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly intervalMs: number,
    private readonly round: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      if (this.running) return;
      this.running = this.round()
        .then(() => undefined, this.onError)
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
