import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Exchange } from '../http/agency-client';
import { freePort, waitForPort } from '../infra/free-port';
import { guardChild } from '../infra/process-guardian';
import { JourneyWorld, type ServiceUrls } from './journey-world';

/**
 * One Prism validation proxy (`prism proxy`, @stoplight/prism-cli) in front of each running
 * service, started from the OpenAPI document that service serves at /openapi.json. Each proxy
 * checks every request against the document before forwarding it, and every answer after.
 *
 * With `errors` (Prism's `--errors`), a request that breaks the document is answered by Prism
 * itself with a 422 problem, and an answer that breaks it is replaced by a 500 problem, each with
 * the details in `validation`. Whatever the mode, Prism lists every violation, warnings included
 * (an answer whose status the document does not name), in the `sl-violations` header. The `world`
 * points the journeys at the proxies and reads both from every reply; `violations()` lists what it
 * saw, one line per distinct violation, with the operation's path template.
 */

type ServiceKey = keyof ServiceUrls;

interface PrismDiagnostic {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

interface OpenApiPaths {
  paths?: Record<string, unknown>;
}

export interface PrismOptions {
  /** Prism's `--errors`: answer a violation with an error instead of forwarding it unchanged. */
  errors: boolean;
}

/** `type` of every problem Prism answers by itself. */
const PRISM_PROBLEM = 'https://stoplight.io/prism/errors#';

function prismCli(): string {
  return join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
}

class PrismProxy {
  private readonly lines: string[] = [];
  private readonly exited: Promise<void>;
  private readonly templates: { template: string; pattern: RegExp; parameters: number }[];

  private constructor(
    readonly service: ServiceKey,
    readonly url: string,
    private readonly child: ChildProcess,
    document: OpenApiPaths,
  ) {
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    this.templates = Object.keys(document.paths ?? {}).map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      parameters: (template.match(/\{/g) ?? []).length,
    }));
  }

  static async start(service: ServiceKey, upstream: string, folder: string, options: PrismOptions) {
    const answer = await fetch(`${upstream}/openapi.json`);
    if (answer.status !== 200) throw new Error(`${service}: GET /openapi.json answered ${answer.status}`);
    const document = (await answer.json()) as OpenApiPaths;
    const file = join(folder, `${service}.openapi.json`);
    writeFileSync(file, JSON.stringify(document, null, 2));
    const port = await freePort();
    const args = ['proxy', file, upstream, '--port', String(port), '--host', '127.0.0.1', '--verboseLevel', 'warn'];
    if (options.errors) args.push('--errors');
    const child = spawn(process.execPath, [prismCli(), ...args], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) guardChild(child.pid, folder);
    const proxy = new PrismProxy(service, `http://127.0.0.1:${port}`, child, document);
    await proxy.ready(60_000);
    return proxy;
  }

  /** Resolves once the proxy answers GET /health/live with the service's 200. */
  private async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const port = Number(new URL(this.url).port);
    const running = () => this.child.exitCode === null && this.child.signalCode === null;
    try {
      await waitForPort(port, '127.0.0.1', timeoutMs, running);
      while (Date.now() < deadline) {
        const status = await fetch(`${this.url}/health/live`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        if (!running()) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } catch (error) {
      throw new Error(`Prism for ${this.service} did not start: ${String(error)}\n${this.lines.join('\n')}`);
    }
    throw new Error(`Prism for ${this.service} did not answer within ${timeoutMs} ms:\n${this.lines.join('\n')}`);
  }

  /** The document's path template of a concrete path: `/cases/9f…/assessment` → `/cases/{caseId}/assessment`. */
  templateOf(path: string): string {
    const matches = this.templates.filter(({ pattern }) => pattern.test(path));
    matches.sort((a, b) => a.parameters - b.parameters);
    return matches[0]?.template ?? path;
  }

  /** What Prism printed: with `--verboseLevel warn`, its warnings and errors only. */
  output(): string[] {
    return [...this.lines];
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** A Prism proxy in front of each service of a running Lintas, and what they found. */
export class PrismProxies {
  private readonly found = new Map<string, number>();

  /** The journeys' world on the proxies: each reply's violations are noted. */
  readonly world: JourneyWorld;

  private constructor(
    private readonly proxies: PrismProxy[],
    private readonly folder: string,
  ) {
    const urls = Object.fromEntries(proxies.map((proxy) => [proxy.service, proxy.url])) as unknown as ServiceUrls;
    this.world = new JourneyWorld(urls, (exchange) => this.record(exchange));
  }

  static async start(upstreams: ServiceUrls, options: PrismOptions): Promise<PrismProxies> {
    const folder = mkdtempSync(join(tmpdir(), 'lintas-prism-'));
    const keys = (Object.keys(upstreams) as ServiceKey[]).filter((key) => upstreams[key] !== undefined);
    const started = await Promise.allSettled(
      keys.map((key) => PrismProxy.start(key, upstreams[key] ?? '', folder, options)),
    );
    const proxies = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(proxies.map((proxy) => proxy.stop()));
      rmSync(folder, { recursive: true, force: true });
      throw failed.reason;
    }
    return new PrismProxies(proxies, folder);
  }

  /** Notes the violations a proxy reported in a reply: its `sl-violations` header and its own problems. */
  record({ method, url, reply }: Exchange): void {
    const proxy = this.proxies.find((candidate) => url.startsWith(`${candidate.url}/`));
    if (!proxy) return;
    const diagnostics: PrismDiagnostic[] = [];
    const header = reply.headers.get('sl-violations');
    if (header) {
      try {
        diagnostics.push(...(JSON.parse(header) as PrismDiagnostic[]));
      } catch {
        // "Too many violations! …": cut at 8 kB, so no longer JSON
        diagnostics.push({ severity: 'Error', message: header.slice(0, 2_000) });
      }
    }
    const body = reply.body as { type?: unknown; title?: string; detail?: string; validation?: unknown } | undefined;
    if (body && typeof body === 'object' && typeof body.type === 'string' && body.type.startsWith(PRISM_PROBLEM)) {
      if (Array.isArray(body.validation) && body.validation.length > 0) {
        diagnostics.push(...(body.validation as PrismDiagnostic[]));
      } else {
        const kind = body.type.slice(PRISM_PROBLEM.length);
        diagnostics.push({
          severity: 'Error',
          location: ['request'],
          message: `${kind}: ${body.title}; ${body.detail}`,
        });
      }
    }
    const { pathname } = new URL(url);
    const operation = `${proxy.service} ${method} ${proxy.templateOf(pathname)}`;
    const lines = new Set(
      diagnostics.map(
        (d) =>
          `${operation} → ${reply.status}: ${d.severity ?? '?'} at ${(d.location ?? []).join('.') || '-'}: ${d.message}`,
      ),
    );
    for (const line of lines) this.found.set(line, (this.found.get(line) ?? 0) + 1);
  }

  /** Each distinct violation seen so far, with how many replies reported it. */
  violations(): string[] {
    return [...this.found].map(([line, times]) => (times > 1 ? `${line} (×${times})` : line)).sort();
  }

  /** What the proxies printed (violations, and each request they answered with an error themselves). */
  output(): string {
    return this.proxies.map((proxy) => `--- prism ${proxy.service}\n${proxy.output().join('\n')}`).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.proxies.map((proxy) => proxy.stop()));
    rmSync(this.folder, { recursive: true, force: true });
  }
}
