import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Pool } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byRequest } from '@lintas/commands/write-cause';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import { STORE_VERIFIER, type StoreVerifier } from '@lintas/platform/service/store-verifier';
import { LedgerCheckpoints } from '../checkpoints/ledger-checkpoints';
import { OwnAccessToken } from './own-access-token';
import { verifyLedger } from '../checkpoints/verify-ledger';
import type { RecordedBreak, VerificationRecordedData } from '../domain/verification/verification.events';
import { verificationStream } from '../domain/verification/verification.stream';

/** How many breaks a recorded outcome keeps; the answer names them all. */
const RECORDED_BREAKS = 100;

export interface SubjectOutcome {
  /** A service (its store), `audit` (this service's store) or `ledger` (its tree and checkpoints). */
  subject: string;
  ok: boolean;
  checked: number;
  breaks: RecordedBreak[];
  /** Set when the subject could not be verified at all: unreachable, refused. */
  error?: string;
}

export interface VerificationRun {
  verificationId: string;
  ok: boolean;
  results: SubjectOutcome[];
}

/** The scheduled run acts as the audit service itself. */
const SCHEDULE: AgencyActor = {
  agencyId: 'lintas-audit',
  kind: 'admin',
  regionCode: '00',
  clientId: 'verification-schedule',
};

/**
 * Verifies every store and the ledger, and records each outcome as an event of the audit store
 * (who asked, why, what broke), counted in `lintas_audit_verification_failures_total` for alerts.
 * The other services verify their own stores (`POST /admin/store-verifications`): asked with the
 * requesting admin's own token when an admin asks (`lintas verify`), and with the audit service's
 * own client's token on the schedule (OwnAccessToken; without that client, the schedule covers the
 * audit store and the ledger only).
 */
@Injectable()
export class AuditVerifier {
  private readonly failures: Counter<'subject'>;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(STORE_VERIFIER) private readonly ownStore: StoreVerifier,
    @Inject(LedgerCheckpoints) private readonly checkpoints: LedgerCheckpoints,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
    @Inject(ServiceMetrics) metrics: ServiceMetrics,
    @Inject(OwnAccessToken) private readonly ownToken: OwnAccessToken,
  ) {
    this.failures = new Counter({
      name: METRIC_NAMES.auditVerificationFailures,
      help: 'Verifications (of a store or the ledger) that found a broken link or could not run, by subject',
      labelNames: ['subject'],
      registers: [metrics.registry],
    });
  }

  /** An admin's request: the audit store, the ledger, and every configured service with the admin's token. */
  requested(actor: AgencyActor, authorization: string, reason: string | null): Promise<VerificationRun> {
    return this.run(actor, 'request', reason, [
      this.verifyOwnStore(),
      this.verifyLedger(),
      ...this.serviceUrls().map(([service, url]) => this.verifyService(service, url, authorization)),
    ]);
  }

  async scheduled(): Promise<VerificationRun> {
    const services = this.ownToken.configured ? this.serviceUrls() : [];
    let authorization: string | undefined;
    let tokenError: string | undefined;
    if (services.length > 0) {
      try {
        authorization = await this.ownToken.authorization();
      } catch (error) {
        tokenError = error instanceof Error ? error.message : String(error);
      }
    }
    return this.run(SCHEDULE, 'schedule', null, [
      this.verifyOwnStore(),
      this.verifyLedger(),
      // A refused or unreachable issuer is a failed verification of each service, recorded as one.
      ...services.map(([service, url]) =>
        authorization
          ? this.verifyService(service, url, authorization)
          : Promise.resolve({ subject: service, ok: false, checked: 0, breaks: [], error: tokenError ?? 'no token' }),
      ),
    ]);
  }

  private async run(
    actor: AgencyActor,
    trigger: VerificationRecordedData['trigger'],
    reason: string | null,
    checks: Promise<SubjectOutcome>[],
  ): Promise<VerificationRun> {
    const verificationId = randomUUID();
    const results = await Promise.all(checks);
    for (const result of results) {
      if (!result.ok) this.failures.inc({ subject: result.subject });
      await this.streams.handle(
        verificationStream,
        result.subject,
        {
          type: 'RecordVerification',
          outcome: {
            verificationId,
            subject: result.subject,
            ok: result.ok,
            checked: result.checked,
            breaks: result.breaks.slice(0, RECORDED_BREAKS),
            breakCount: result.breaks.length,
            trigger,
            reason,
          },
        },
        byRequest(actor),
      );
    }
    return { verificationId, ok: results.every((r) => r.ok), results };
  }

  private async verifyOwnStore(): Promise<SubjectOutcome> {
    const report = await this.ownStore.verify();
    return { subject: 'audit', ok: report.ok, checked: report.eventsChecked, breaks: report.breaks };
  }

  private async verifyLedger(): Promise<SubjectOutcome> {
    const report = await verifyLedger(this.pool, this.store, this.checkpoints.publicKey);
    return { subject: 'ledger', ok: report.ok, checked: report.entriesChecked, breaks: report.breaks };
  }

  private async verifyService(service: string, url: string, authorization: string): Promise<SubjectOutcome> {
    const failed = (error: string): SubjectOutcome => ({ subject: service, ok: false, checked: 0, breaks: [], error });
    try {
      const response = await fetch(`${url.replace(/\/$/, '')}/admin/store-verifications`, {
        method: 'POST',
        headers: { authorization, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(10 * 60_000),
      });
      const body = (await response.json()) as {
        ok?: boolean;
        eventsChecked?: number;
        breaks?: RecordedBreak[];
        detail?: string;
      };
      if (!response.ok) return failed(`${response.status} ${body.detail ?? ''}`.trim());
      return { subject: service, ok: body.ok === true, checked: body.eventsChecked ?? 0, breaks: body.breaks ?? [] };
    } catch (error) {
      return failed(`unreachable at ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private serviceUrls(): [string, string][] {
    if (!this.env.VERIFY_SERVICE_URLS) return [];
    return this.env.VERIFY_SERVICE_URLS.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
  }
}
