/**
 * The entrypoint of the one Lintas image (Dockerfile): `docker run lintas <process> [arguments…]`
 * runs one process of Lintas by its name, in this process (node is PID 1, so SIGTERM reaches the
 * service's own shutdown), with the arguments after the name as its own:
 *
 *   intake | health-liaison | rehabilitation | family-reunification | audit   a service, as `nest build` built it
 *   console                        the admin console for people (apps/console), as `nest build` built it
 *   identity [bootstrap-admin …]   the identity app (apps/identity/src/main.ts)
 *   demo-register                  the demo agencies and clients of a development installation (docker compose)
 *   health [path]                  the image's HEALTHCHECK: GET http://127.0.0.1:$PORT<path> of this container's process
 *
 * With LINTAS_ENV_FILE naming a file that exists, its `NAME=value` lines are added to the
 * environment first (a variable set in the environment wins): what another container wrote for
 * this one, such as the audit service's own client and the console's client from demo-register.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ContainerProcess {
  /** The compiled file it runs, from the project's root. */
  main: string;
  /** The port it listens on unless PORT says otherwise; none for a one-shot command. */
  defaultPort?: number;
  /** What the image's health check asks for: 200 means the process answers. */
  healthPath?: string;
}

/**
 * `nest build` puts each application at dist/apps/<app>/apps/<app>/src/main.js (package.json, build):
 * the five services and the console, each with its /health/live.
 */
const service = (name: string, defaultPort: number): [string, ContainerProcess] => [
  name,
  { main: `dist/apps/${name}/apps/${name}/src/main.js`, defaultPort, healthPath: '/health/live' },
];

/** Every process the image runs, by the name `docker run lintas <name>` takes (README, "The services"). */
export const CONTAINER_PROCESSES: Readonly<Record<string, ContainerProcess>> = Object.fromEntries([
  service('intake', 3001),
  service('health-liaison', 3002),
  service('rehabilitation', 3003),
  service('family-reunification', 3004),
  service('audit', 3005),
  // The console reads nothing from disk: its stylesheet and script are strings of the build.
  service('console', 3006),
  // scripts/container-build.ts compiles these into dist/container/.
  [
    'identity',
    {
      main: 'dist/container/apps/identity/src/main.js',
      defaultPort: 4000,
      // The identity app has no /health routes: its discovery document answers when it does.
      healthPath: '/.well-known/openid-configuration',
    },
  ],
  ['demo-register', { main: 'dist/container/scripts/container-demo-register.js' }],
]);

// EX_USAGE from sysexits.h, as the services and the identity app use it.
const EXIT_BAD_USAGE = 64;

/** The folder with package.json above this file: the project's root in the repository and in the image (/app). */
export function projectRoot(from: string = __dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

function usage(): string {
  return `usage: <process> [arguments…], the processes: ${Object.keys(CONTAINER_PROCESSES).join(', ')}; or health [path]\n`;
}

async function run(name: string, args: string[]): Promise<void> {
  const chosen = CONTAINER_PROCESSES[name];
  if (!chosen) {
    process.stderr.write(`unknown process '${name}'; ${usage()}`);
    process.exit(EXIT_BAD_USAGE);
  }
  const envFile = process.env.LINTAS_ENV_FILE;
  if (envFile && existsSync(envFile)) process.loadEnvFile(envFile);
  const main = join(projectRoot(), chosen.main);
  // The process reads its own arguments from argv[2] on, as when node runs it directly.
  process.argv = [process.argv[0] ?? process.execPath, main, ...args];
  await import(pathToFileURL(main).href);
}

/**
 * Which process this container runs: the first process name among PID 1's arguments (node with
 * this file and the name, or an init such as `docker run --init` in front of them).
 */
async function runningProcess(): Promise<string | undefined> {
  const cmdline = await readFile('/proc/1/cmdline', 'utf8').catch(() => '');
  return cmdline.split('\0').find((arg) => Object.hasOwn(CONTAINER_PROCESSES, arg));
}

/** Exit 0 when the running process answers its health path with 200 within 4 seconds, else 1. */
async function health(path: string | undefined): Promise<void> {
  const name = await runningProcess();
  const chosen = name === undefined ? undefined : CONTAINER_PROCESSES[name];
  const port = Number(process.env.PORT ?? chosen?.defaultPort);
  const target = path ?? chosen?.healthPath;
  if (!Number.isInteger(port) || target === undefined) {
    process.stderr.write(`health: no port or path known for process ${name ?? '(none found)'}\n`);
    process.exit(1);
  }
  const status = await new Promise<number>((resolve) => {
    const asked = request({ host: '127.0.0.1', port, path: target, timeout: 4_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    asked.on('timeout', () => asked.destroy(new Error('timed out')));
    asked.on('error', () => resolve(0));
    asked.end();
  });
  process.stdout.write(`GET ${target} on port ${port}: ${status === 0 ? 'no answer' : status}\n`);
  process.exit(status === 200 ? 0 : 1);
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (name === undefined || name === '--help' || name === '-h') {
    process.stderr.write(usage());
    process.exit(name === undefined ? EXIT_BAD_USAGE : 0);
  }
  if (name === 'health') return health(args[0]);
  return run(name, args);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`lintas: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
