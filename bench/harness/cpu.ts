import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function cpuMsOf(pid: number | undefined): number {
  return statTicks(`/proc/${pid}/stat`, false) * 10;
}

/**
 * utime and stime (fields 14 and 15 of stat), and with `children` also cutime and cstime: what a
 * server's exited children used (PostgreSQL's backends of closed connections), in 10 ms ticks.
 */
function statTicks(path: string, children: boolean): number {
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const own = Number(fields[11]) + Number(fields[12]);
    return children ? own + Number(fields[13]) + Number(fields[14]) : own;
  } catch {
    return Number.NaN;
  }
}

type Program = 'PostgreSQL' | 'broker' | 'bench process';

/** CPU used so far by the machine's PostgreSQL processes, the Kafka broker's JVM and this process, in ms. */
function cpuByProgram(): Record<Program, number> {
  const used: Record<Program, number> = { PostgreSQL: 0, broker: 0, 'bench process': 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') used.PostgreSQL += statTicks(`/proc/${pid}/stat`, true) * 10 || 0;
    else if (comm === 'java' && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka')) {
      used.broker += statTicks(`/proc/${pid}/stat`, false) * 10 || 0;
    }
  }
  const own = process.cpuUsage();
  used['bench process'] = (own.user + own.system) / 1_000;
  return used;
}

/**
 * Share of a core each program used from now until stop(), as one line for a row's log: on two
 * cores, what the row's stages wait for is mostly each other's CPU. A PostgreSQL backend that
 * exits in the window counts once its server has reaped it (cutime of the postmaster).
 */
export function observeCpu(): { stop(): string } {
  const started = performance.now();
  const before = cpuByProgram();
  return {
    stop() {
      const after = cpuByProgram();
      const elapsed = performance.now() - started;
      return (Object.keys(after) as Program[])
        .map((program) => `${program} ${Math.round(((after[program] - before[program]) / elapsed) * 100)}%`)
        .join(', ');
    },
  };
}
