import type { Pool } from 'pg';
import { sealAll } from './sealer';
import type { SealSigner } from './seal-signature';

/** Seals new events every interval, so that the verifier can vouch for the global order soon after. */
export class SealingSchedule {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly signer: SealSigner,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.running = this.running.then(() => sealAll(this.pool, this.schema, this.signer)).catch(this.onError);
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
