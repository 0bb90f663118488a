import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { Every } from '@lintas/platform/service/every';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { AuditVerifier } from './audit-verifier';

/**
 * Verifies the stores and the ledger every VERIFY_EVERY_SECONDS (AuditVerifier.scheduled says which);
 * each outcome is recorded and counted.
 */
@Injectable()
export class VerificationSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly every: Every;

  constructor(
    @Inject(AuditVerifier) private readonly verifier: AuditVerifier,
    @Inject(ServiceEnv) env: ServiceEnv,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.every = new Every(
      env.VERIFY_EVERY_SECONDS * 1_000,
      () => this.verifyNow(),
      (err) => this.logger.warn({ err }, 'a scheduled verification could not run; the next one tries again'),
    );
  }

  onApplicationBootstrap(): void {
    this.every.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.every.stop();
  }

  private async verifyNow(): Promise<void> {
    const run = await this.verifier.scheduled();
    const failed = run.results.filter((r) => !r.ok).map((r) => r.subject);
    if (failed.length > 0) this.logger.error({ verificationId: run.verificationId, failed }, 'verification failed');
    else this.logger.info({ verificationId: run.verificationId }, 'verification passed');
  }
}
