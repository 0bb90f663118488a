import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseReport, type Report, type ReportKind, type ReportOf } from './reports';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A crash-test entry point (relay-process.ts, consumer-process.ts) running as its own OS process,
 * TypeScript through tsx, so that a SIGKILL takes down a real process with its sockets and
 * connections, as a crash does. `guard` is handed the pid to make sure the process cannot outlive
 * the test run (libs/testing's guardChild, which only spec files may import outside libs/testing).
 */
export class CrashChild {
  private readonly reported: Report[] = [];
  private readonly lines: string[] = [];
  private readonly listeners = new Set<() => void>();
  private exit?: ChildExit;
  readonly exited: Promise<ChildExit>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.take(line);
    });
    child.stderr?.on('data', (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean)));
    // 'close', not 'exit': only then has everything the process printed been read.
    this.exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        this.exit = { code, signal };
        this.notify();
        resolve(this.exit);
      }),
    );
  }

  /** Only the given settings reach the child: nothing of the test's own environment leaks in. */
  static start(
    entry: string,
    name: string,
    settings: Record<string, string>,
    options: { guard: (pid: number) => void; hold?: boolean },
  ): CrashChild {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, entry)], {
      // tsx finds tsconfig.json, and with it the @lintas/* paths, from the working directory.
      cwd: REPO_ROOT,
      env: options.hold ? { ...settings, HOLD: '1' } : settings,
      // Its own process group, so that the guardian can take it down whole if the test run dies.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) options.guard(child.pid);
    return new CrashChild(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  reports<K extends ReportKind>(kind: K): ReportOf<K>[] {
    return this.reported.filter((r): r is ReportOf<K> => r.report === kind);
  }

  /**
   * The first report of a kind that matches, as soon as it is printed; rejects with the child's
   * output when the child exits first or the time is up, so that a child that failed says why.
   */
  waitFor<K extends ReportKind>(
    kind: K,
    matches: (value: ReportOf<K>) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<ReportOf<K>> {
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        outcome();
      };
      const check = (): void => {
        const found = this.reports(kind).find(matches);
        if (found) settle(() => resolve(found));
        else if (this.exit)
          settle(() => reject(this.failure(`exited (${JSON.stringify(this.exit)}) before '${kind}'`)));
      };
      const timer = setTimeout(
        () => settle(() => reject(this.failure(`no '${kind}' within ${timeoutMs} ms`))),
        timeoutMs,
      );
      // A wait that lost a race against another one must not keep the test process up.
      timer.unref();
      this.listeners.add(check);
      check();
    });
  }

  /** Lets a child started with `hold` begin (see holdUntilGo in child-settings.ts). */
  async go(): Promise<void> {
    await this.waitFor('holding');
    this.child.stdin?.write('go\n');
  }

  /** A crash: SIGKILL, no chance to finish a batch, commit, or let go of a lock. */
  async kill(): Promise<ChildExit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** A graceful stop, SIGTERM, and a SIGKILL if it does not end in time. */
  async stop(timeoutMs = 10_000): Promise<ChildExit> {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Everything it printed that was not a report, and its errors: what to read when a test fails. */
  output(): string {
    const errors = this.reports('error').map((r) => `error: ${r.message}`);
    return [...this.lines, ...errors].join('\n');
  }

  private failure(what: string): Error {
    return new Error(`${this.name} (pid ${this.pid}) ${what}; its output:\n${this.output()}`);
  }

  private take(line: string): void {
    const parsed = parseReport(line);
    if (parsed) {
      this.reported.push(parsed);
      this.notify();
    } else if (line !== '') {
      this.lines.push(line);
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
