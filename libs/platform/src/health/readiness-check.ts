/** One dependency that must answer before the service takes traffic. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answered; rejects with the reason otherwise. */
  check(signal: AbortSignal): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

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
  const ready = results.every(([, result]) => result.status === 'up');
  return { status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(results) };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true }),
  );
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
