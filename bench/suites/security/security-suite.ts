import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ExecutionContext, INestApplication } from '@nestjs/common';
import type * as AuditedReadsModule from '../../../libs/platform/src/http/access/audited-reads';
import type * as AgencyGuardModule from '../../../libs/platform/src/http/agency/agency.guard';
import type * as JsonLogger from '../../../libs/platform/src/logging/json-logger';
import type * as RunService from '../../../libs/platform/src/service/run-service';
import type * as IntakeDefinition from '../../../apps/intake/src/intake.service-definition';
import { TestIdentity } from '../../../libs/testing/src/identity/test-identity';
import { AGENCIES } from '../../../libs/testing/src/journey/journey-world';
import { pickupReport } from '../../../libs/testing/src/journey/pickup-report';
import { HARNESS_SETTINGS } from '../../../libs/testing/src/service/harness-settings';
import { withFreshDatabase } from '../../harness/databases';
import { HttpClient } from '../../harness/http-client';
import { openLoop } from '../../harness/open-loop';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';

/** The rate; `BENCH_SECURITY_RATE` for another (measured 2026-12-05: 500/s saturates one process here). */
const RATE = Number(process.env.BENCH_SECURITY_RATE ?? 500);
const WARMUP_MS = 3_000;
const ROUND_MS = 4_000;
const ROUNDS = 3;
const ROOT = join(__dirname, '..', '..', '..');

/**
 * The cost of security on a write: `POST /pickups` → 201 (the event committed) in an open loop at
 * 500 requests/s (BENCH_SECURITY_RATE), with the services' token checks on (a JWT access token of a real OpenID provider
 * verified against its JWKS, the revocation list, the per-client rate limit) beside the same route
 * with the guard switched off in this process only. The intake service runs in the bench process,
 * built (`npm run bench` builds first: the DTOs need the compiler's decorator metadata), on the
 * PostgreSQL log so that no broker adds its noise. On and off alternate in rounds, so load from
 * elsewhere falls on both alike. A second pair of rows does the same for the unit reading its pickup
 * back (`GET /pickups/:id`, a recorded read: its access record is written before the answer leaves),
 * with token checks and the access record on, beside both switched off.
 */
export const securitySuite: BenchSuite = {
  name: 'security',
  async run(context: BenchContext): Promise<ResultRow[]> {
    return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
      const load = createRequire(join(ROOT, 'dist', 'apps', 'intake', 'apps', 'intake', 'src', 'main.js'));
      const compiled = join(ROOT, 'dist', 'apps', 'intake');
      const runService = load(join(compiled, 'libs/platform/src/service/run-service.js')) as typeof RunService;
      const { createLogger } = load(join(compiled, 'libs/platform/src/logging/json-logger.js')) as typeof JsonLogger;
      const { AgencyGuard } = load(
        join(compiled, 'libs/platform/src/http/agency/agency.guard.js'),
      ) as typeof AgencyGuardModule;
      const { AuditedReadInterceptor } = load(
        join(compiled, 'libs/platform/src/http/access/audited-reads.js'),
      ) as typeof AuditedReadsModule;
      const { INTAKE_SERVICE } = load(
        join(compiled, 'apps/intake/src/intake.service-definition.js'),
      ) as typeof IntakeDefinition;

      const identity = await TestIdentity.start();
      const env = runService.readServiceEnv(INTAKE_SERVICE, {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        MESSAGING_TRANSPORT: 'pg-log',
        LOG_LEVEL: 'error',
        ...HARNESS_SETTINGS,
        ...identity.serviceSettings,
        PORT: '0',
      });
      const app: INestApplication = await runService.createServiceApp(
        INTAKE_SERVICE,
        env,
        createLogger('intake', 'error'),
      );
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const actor = AGENCIES.satpolMalang;
      const token = await identity.tokenFor(actor);
      const checking = AgencyGuard.prototype.canActivate;
      // The same request with the guard's work skipped: the actor it would have found, set as is.
      const trusting: typeof checking = async (execution: ExecutionContext) => {
        execution.switchToHttp().getRequest<{ actor?: unknown }>().actor = actor;
        return true;
      };
      const recording = AuditedReadInterceptor.prototype.intercept;
      const notRecording: typeof recording = (_execution, next) => next.handle();
      const pickups: string[] = [];
      const http = new HttpClient();
      const report = (durationMs: number) =>
        openLoop(RATE, durationMs, async () => {
          const response = await http.send(`${url}/pickups`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify(pickupReport()),
          });
          if (response.status !== 201) throw new Error(`POST /pickups answered ${response.status}`);
          pickups.push((JSON.parse(response.body) as { id: string }).id);
        });
      const readBack = (durationMs: number) =>
        openLoop(RATE, durationMs, async () => {
          const id = pickups[Math.floor(Math.random() * pickups.length)];
          const response = await http.send(`${url}/pickups/${id}`, { headers: { authorization: `Bearer ${token}` } });
          if (response.status !== 200) throw new Error(`GET /pickups/:id answered ${response.status}`);
        });
      const measured = {
        write: { on: [] as number[], off: [] as number[] },
        read: { on: [] as number[], off: [] as number[] },
      };
      try {
        for (const [kind, measure] of [
          ['write', report],
          ['read', readBack],
        ] as const) {
          for (const [secured, into] of [
            [true, undefined],
            [false, undefined],
            ...Array.from({ length: ROUNDS }, () => [
              [true, measured[kind].on],
              [false, measured[kind].off],
            ]).flat(),
          ] as [boolean, number[] | undefined][]) {
            AgencyGuard.prototype.canActivate = secured ? checking : trusting;
            AuditedReadInterceptor.prototype.intercept = secured ? recording : notRecording;
            const latencies = await measure(into ? ROUND_MS : WARMUP_MS);
            into?.push(...latencies);
          }
        }
      } finally {
        AgencyGuard.prototype.canActivate = checking;
        AuditedReadInterceptor.prototype.intercept = recording;
        http.close();
        await app.close();
        await identity.stop();
      }
      const p = (values: number[], q: number) => {
        const sorted = [...values].sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
      };
      const rows: ResultRow[] = [];
      for (const [kind, label, switchedOff] of [
        ['write', 'HTTP pickup → committed', 'token checks off'],
        ['read', 'HTTP pickup read back (recorded read)', 'token checks and access record off'],
      ] as const) {
        const { on, off } = measured[kind];
        context.log(
          `security, ${label}: p50 ${p(on, 0.5).toFixed(1)} ms secured, ${p(off, 0.5).toFixed(1)} ms with ${switchedOff}; ` +
            `p99 ${p(on, 0.99).toFixed(1)} ms, ${p(off, 0.99).toFixed(1)} ms (${on.length} requests each)`,
        );
        for (const q of [0.5, 0.99]) {
          rows.push({
            metric: `${label} p${q * 100} at ${RATE}/s (raw: ${switchedOff})`,
            unit: 'ms',
            lintas: p(on, q),
            raw: p(off, q),
            emmett: null,
          });
        }
      }
      return rows;
    });
  },
};
