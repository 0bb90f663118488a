/** One dependency that must answer before the service takes traffic. */
export interface ReadinessCheck {
  /** The dependency it asks about; checks of the same name are reported as one, up only when all are. */
  readonly name: string;
  /** Resolves when the dependency answered; rejects with the reason otherwise. */
  check(signal: AbortSignal): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * A module of the service may provide a ReadinessCheck under this token: `/health/ready` finds it
 * wherever it is provided and runs it beside the platform's own (the messaging module uses it to
 * stay not ready, under the broker's name, until its topics and consumer are set up).
 */
export const MODULE_READINESS_CHECK = Symbol('MODULE_READINESS_CHECK');

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

type CheckResult = ReadinessReport['checks'][string];

/** Runs every check at once, each bounded by the timeout, so one hung dependency cannot hang the probe. */
export async function runReadinessChecks(checks: ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        await Promise.race([check.check(signal), rejectOnAbort(signal)]);
        return [check.name, { status: 'up' as const, ms: elapsed(started) }] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [check.name, { status: 'down' as const, error: message, ms: elapsed(started) }] as const;
      }
    }),
  );
  const byName = new Map<string, CheckResult>();
  for (const [name, result] of results) byName.set(name, combine(byName.get(name), result));
  const ready = [...byName.values()].every((result) => result.status === 'up');
  return { status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(byName) };
}

function combine(earlier: CheckResult | undefined, result: CheckResult): CheckResult {
  if (!earlier) return result;
  const ms = Math.max(earlier.ms, result.ms);
  const errors = [earlier.error, result.error].filter((error) => error !== undefined);
  return errors.length === 0 ? { status: 'up', ms } : { status: 'down', error: errors.join('; '), ms };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true }),
  );
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
