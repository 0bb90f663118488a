import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { Every } from '@lintas/platform/service/every';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { LedgerCheckpoints, LedgerRewrittenError } from './ledger-checkpoints';

/** Signs a checkpoint every LEDGER_CHECKPOINT_SECONDS when the ledger grew, and logs it for copies to be kept. */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly every: Every;

  constructor(
    @Inject(LedgerCheckpoints) private readonly checkpoints: LedgerCheckpoints,
    @Inject(ServiceEnv) env: ServiceEnv,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.every = new Every(
      env.LEDGER_CHECKPOINT_SECONDS * 1_000,
      () => this.signNow(),
      () => undefined,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.checkpoints.createTable();
    this.every.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.every.stop();
  }

  /** Never rejects: a failed round is logged and the next one tries again. */
  async signNow(): Promise<void> {
    try {
      const signed = await this.checkpoints.signIfGrown();
      if (signed) {
        this.logger.info(
          { checkpoint: signed.checkpoint, keyId: signed.keyId, signature: signed.signature },
          'ledger checkpoint signed',
        );
      }
    } catch (err) {
      if (err instanceof LedgerRewrittenError)
        this.logger.error({ err }, 'the ledger was rewritten: checkpoints refused');
      else this.logger.warn({ err }, 'signing a ledger checkpoint failed; the next round tries again');
    }
  }
}
