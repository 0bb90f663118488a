import { loadavg } from 'node:os';
import { median } from '../../harness/stats';
import { mapFigures, SYSTEM_NAMES, type Figures } from './systems';

/** How one system is measured for one row. */
export interface RunPlan {
  /** Untimed, once, before the first round: a warm-up, or work the runs need (sealing). */
  prepare?: () => Promise<void>;
  /** One measured run; resolves with its figure (a rate, a latency). */
  run: () => Promise<number>;
  runs: number;
}

/**
 * Every system's runs, taken in rounds: one run of each system per round, one system at a time. A
 * burst of load from elsewhere on the machine then falls on all systems alike rather than on
 * whichever happened to be running. Resolves with each system's median; null where it has no plan.
 */
export async function interleave(
  plans: Figures<RunPlan | null>,
  log: (message: string) => void,
): Promise<Figures<number | null>> {
  for (const name of SYSTEM_NAMES) await plans[name]?.prepare?.();
  const figures: Figures<number[]> = { lintas: [], raw: [], emmett: [] };
  const rounds = Math.max(...SYSTEM_NAMES.map((name) => plans[name]?.runs ?? 0));
  for (let round = 1; round <= rounds; round += 1) {
    // The figures only compare on an otherwise quiet machine: the log shows how busy it was.
    log(`round ${round} of ${rounds} (load average ${loadavg()[0]?.toFixed(2)})`);
    for (const name of SYSTEM_NAMES) {
      const plan = plans[name];
      if (plan && round <= plan.runs) figures[name].push(await plan.run());
    }
  }
  return mapFigures(plans, (plan, name) => (plan ? median(figures[name]) : null));
}
