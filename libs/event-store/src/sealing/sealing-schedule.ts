import type { Pool } from 'pg';
import { Every } from '@lintas/platform/service/every';
import { sealAll } from './sealer';
import type { SealSigner } from './seal-signature';

/** Seals new events every interval, so that the verifier can vouch for the global order soon after. */
export class SealingSchedule {
  private readonly every: Every;

  constructor(pool: Pool, schema: string, signer: SealSigner, intervalMs: number, onError: (error: unknown) => void) {
    this.every = new Every(intervalMs, () => sealAll(pool, schema, signer), onError);
  }

  start(): void {
    this.every.start();
  }

  stop(): Promise<void> {
    return this.every.stop();
  }
}
