import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testIdentity } from '../identity/test-identity';
import { freePort } from '../infra/free-port';
import { HARNESS_SETTINGS } from '../service/harness-settings';
import { guardChild } from '../infra/process-guardian';

export const SERVICES = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The console starts as a service does, from its build, and answers the same probes; it has no database. */
export type AppName = ServiceName | 'console';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** Where `npm run build` puts a service's entry point. */
export function builtEntry(service: AppName): string {
  const entry = join(REPO_ROOT, 'dist', 'apps', service, 'apps', service, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return entry;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A built service running as its own OS process, as in production. */
export class ServiceProcess {
  private readonly lines: string[] = [];
  private readonly exited: Promise<ProcessExit>;

  private constructor(
    readonly service: AppName,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    // 'close', not 'exit': only then has everything the process printed been read.
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  }

  /**
   * Starts the service on a free port; only the harness's settings, the test file's identity
   * provider, the given settings and PORT are passed, nothing inherited.
   */
  static async start(service: AppName, settings: Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    const identity = (await testIdentity()).serviceSettings;
    const child = spawn(process.execPath, [builtEntry(service)], {
      env: { PATH: process.env.PATH, ...HARNESS_SETTINGS, ...identity, ...settings, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) guardChild(child.pid);
    return new ServiceProcess(service, `http://127.0.0.1:${port}`, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything the process printed so far, one entry per line. */
  output(): string[] {
    return [...this.lines];
  }

  /** Resolves once GET /health/ready answers 200; rejects with the process's output if it exits first. */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exit: ProcessExit | undefined;
    let report = 'no answer';
    void this.exited.then((ended) => (exit = ended));
    while (Date.now() < deadline) {
      if (exit) throw new Error(`${this.service} exited (${JSON.stringify(exit)}):\n${this.lines.join('\n')}`);
      const status = await fetch(`${this.url}/health/ready`).then(
        async (r) => ((report = `${r.status} ${await r.text()}`), r.status),
        () => 0,
      );
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // What readiness said last tells which dependency held the start.
    throw new Error(`${this.service} not ready within ${timeoutMs} ms (${report}):\n${this.lines.join('\n')}`);
  }

  /** How the process ended, once it ends by itself. */
  ended(): Promise<ProcessExit> {
    return this.exited;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ProcessExit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
