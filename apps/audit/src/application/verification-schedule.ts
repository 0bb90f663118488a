import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { AuditVerifier } from './audit-verifier';

/** Verifies the audit store and the ledger every VERIFY_EVERY_MINUTES; each outcome is recorded and counted. */
@Injectable()
export class VerificationSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(AuditVerifier) private readonly verifier: AuditVerifier,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.verifyNow());
    }, this.env.VERIFY_EVERY_MINUTES * 60_000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async verifyNow(): Promise<void> {
    try {
      const run = await this.verifier.scheduled();
      const failed = run.results.filter((r) => !r.ok).map((r) => r.subject);
      if (failed.length > 0) this.logger.error({ verificationId: run.verificationId, failed }, 'verification failed');
      else this.logger.info({ verificationId: run.verificationId }, 'verification passed');
    } catch (err) {
      this.logger.warn({ err }, 'a scheduled verification could not run; the next one tries again');
    }
  }
}
