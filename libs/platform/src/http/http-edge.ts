import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { Pool } from 'pg';
import { ServiceEnv } from '../config/service-env';
import { ACCESS_RECORD_SINK, type AccessRecordSink } from '../service/access-record-sink';
import { AccessLog } from './access/access-log';
import { AuditedReadInterceptor, AuditedReads } from './access/audited-reads';
import { IssuerKeys } from './agency/access-token';
import { AgencyGuard } from './agency/agency.guard';
import { RateLimiter, RefusedTokenLimiter } from './agency/rate-limit';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { JsonBodyGuard } from './json-body.guard';
import { WriteInterceptor } from './idempotency/write.interceptor';
import { ProblemFilter } from './problems/problem.filter';
import { requestValidationPipe } from './validation.pipe';

/**
 * The agency-facing HTTP edge every service shares: agency tokens and kinds checked on every
 * route, bodies validated, idempotent POSTs, versions as ETags, every read of people's data
 * recorded (granted or refused), every error as problem+json.
 */
export function httpEdgeProviders(schema: string): Provider[] {
  return [
    {
      provide: IdempotencyKeys,
      inject: [Pool],
      useFactory: (pool: Pool) => new IdempotencyKeys(pool, schema),
    },
    {
      provide: IssuerKeys,
      inject: [ServiceEnv],
      useFactory: (env: ServiceEnv) => new IssuerKeys(env.IDENTITY_ISSUER),
    },
    {
      provide: RateLimiter,
      inject: [ServiceEnv],
      useFactory: (env: ServiceEnv) => new RateLimiter(env.RATE_LIMIT_PER_SECOND, env.RATE_LIMIT_BURST),
    },
    {
      provide: RefusedTokenLimiter,
      inject: [ServiceEnv],
      useFactory: (env: ServiceEnv) => new RefusedTokenLimiter(env.REFUSED_TOKENS_PER_SECOND, env.REFUSED_TOKENS_BURST),
    },
    {
      provide: AccessLog,
      // The messaging module's sink, where the service publishes its access records for the ledger.
      inject: [Pool, { token: ACCESS_RECORD_SINK, optional: true }],
      useFactory: (pool: Pool, sink?: AccessRecordSink | null) => new AccessLog(pool, schema, sink ?? undefined),
    },
    AuditedReads,
    { provide: APP_GUARD, useClass: AgencyGuard },
    { provide: APP_GUARD, useClass: JsonBodyGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: requestValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: WriteInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditedReadInterceptor },
  ];
}
