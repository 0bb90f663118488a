/** What one run did: how many units (events) and how long it really took. */
export interface Timed {
  units: number;
  elapsedMs: number;
}

export async function timed(work: () => Promise<number>): Promise<Timed> {
  const started = performance.now();
  const units = await work();
  return { units, elapsedMs: performance.now() - started };
}

export function perSecond(run: Timed): number {
  return run.units / (run.elapsedMs / 1_000);
}
