import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { ConsoleEnv } from '../../apps/console/src/console-env';
import { IdentityEnv } from '../../apps/identity/src/identity-env';
import { loadEnv } from '../../libs/platform/src/config/load-env';
import { readServiceEnv, type ServiceDefinition } from '../../libs/platform/src/service/run-service';
import { CONTAINER_PROCESSES } from '../../scripts/container-entrypoint';
import { serviceDefinitions, serviceTopics } from '../../scripts/container-topics';

/**
 * The containers of docker-compose.yml and the Dockerfile, checked without a Docker engine: the
 * compose file as Debian's docker-compose reads it (`config`), against the code (every service and
 * the console, its port and settings, every topic with its partitions), and the Dockerfile by dockerfile-utils'
 * validator (the Docker language service's) and by what the image must be (multi-stage, production
 * dependencies only, a non-root user, a health check). Building and running the image needs an engine.
 */
const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DOCKERFILE = join(ROOT, 'Dockerfile');
const ENTRYPOINT = '/app/dist/container/scripts/container-entrypoint.js';
const HEALTH_CONDITIONS = ['service_healthy', 'service_completed_successfully'];

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number | null>;
  ports?: { published: number | string; target: number | string }[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  volumes?: unknown[];
}

/** Debian's docker-compose (v1), which CI installs: `apt-get install docker-compose`. */
function dockerCompose(...args: string[]): string {
  const run = spawnSync('docker-compose', ['--file', COMPOSE_FILE, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.error && 'code' in run.error && run.error.code === 'ENOENT') {
    throw new Error(
      'docker-compose is not installed: `apt-get install -y docker-compose` (Debian), as .ci/run does before the tests',
    );
  }
  if (run.status !== 0) throw new Error(`docker-compose ${args.join(' ')} failed:\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** The Dockerfile's instructions, continuation lines joined, comments and parser directives left out. */
function instructions(text: string): Instruction[] {
  const found: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1).trim() : line;
    pending = pending ? { text: `${pending.text} ${part}`, line: pending.line } : { text: part, line: index + 1 };
    if (continued) return;
    const [keyword = '', ...rest] = pending.text.split(/\s+/);
    found.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  });
  return found;
}

/** Stages, each its FROM and the instructions up to the next FROM. */
function stages(all: Instruction[]): { from: Instruction; body: Instruction[]; name?: string }[] {
  const result: { from: Instruction; body: Instruction[]; name?: string }[] = [];
  for (const instruction of all) {
    if (instruction.keyword === 'FROM') {
      result.push({ from: instruction, body: [], name: /\sAS\s+(\S+)$/i.exec(instruction.args)?.[1] });
    } else {
      result.at(-1)?.body.push(instruction);
    }
  }
  return result;
}

let definitions: ServiceDefinition[];
beforeAll(async () => {
  definitions = await serviceDefinitions();
});

const compose = (): Record<string, ComposeService> =>
  (parse(dockerCompose('config')) as { services: Record<string, ComposeService> }).services;

/** A container's environment as strings, as the process reads it. */
const settingsOf = (service: ComposeService | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(service?.environment ?? {}).map(([key, value]) => [key, String(value ?? '')]));

/** A container's named volumes by where they are mounted (`config` writes `name:/path[:mode]`). */
const namedVolumes = (service: ComposeService | undefined): Map<string, string> =>
  new Map(
    (service?.volumes ?? [])
      .filter((volume): volume is string => typeof volume === 'string')
      .map((volume) => volume.split(':'))
      .filter(([name]) => name !== undefined && !name.startsWith('/') && !name.startsWith('.'))
      .map(([name = '', target = '']) => [target, name]),
  );

/** The console's setting for a service's URL: LINTAS_HEALTH_LIAISON_URL for health-liaison. */
const consoleUrlSetting = (service: string): string => `LINTAS_${service.toUpperCase().replace(/-/g, '_')}_URL`;

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    services = compose();
  });

  it('is valid for docker-compose (config -q)', () => {
    expect(() => dockerCompose('config', '-q')).not.toThrow();
  });

  it('runs every service of the code base and the identity app from the one image, by name', () => {
    const names = [...definitions.map((definition) => definition.name), 'identity'];
    expect(definitions.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const service = services[name];
      expect({ name, service: service !== undefined }).toEqual({ name, service: true });
      expect(service?.command).toEqual([name]);
      expect(service?.image).toBe(services.identity?.image);
      expect(service?.build).toBeDefined();
    }
  });

  it('publishes each on its default port, listening on all addresses', () => {
    for (const definition of definitions) {
      const service = services[definition.name];
      expect(service?.ports?.map((port) => [Number(port.published), Number(port.target)])).toEqual([
        [definition.defaultPort, definition.defaultPort],
      ]);
      expect(String(service?.environment?.PORT)).toBe(String(definition.defaultPort));
      expect(service?.environment?.HOST).toBe('0.0.0.0');
    }
    expect(services.identity?.ports?.map((port) => Number(port.published))).toEqual([4000]);
  });

  it('gives every long-running container a health check, and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      const dependencies = Object.entries(service.depends_on ?? {});
      for (const [dependency, { condition }] of dependencies) {
        expect({ name, dependency, condition: HEALTH_CONDITIONS.includes(condition) }).toEqual({
          name,
          dependency,
          condition: true,
        });
      }
      const oneShot = name === 'kafka-init' || name === 'demo-register';
      if (!oneShot)
        expect({ name, healthcheck: service.healthcheck?.test !== undefined }).toEqual({ name, healthcheck: true });
    }
    for (const definition of definitions) {
      expect(services[definition.name]?.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        'kafka-init': { condition: 'service_completed_successfully' },
        identity: { condition: 'service_healthy' },
      });
      expect(services[definition.name]?.healthcheck?.test).toEqual([
        'CMD',
        'node',
        ENTRYPOINT,
        'health',
        '/health/ready',
      ]);
    }
    expect(services.identity?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services['kafka-init']?.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(services.audit?.depends_on).toMatchObject({
      'demo-register': { condition: 'service_completed_successfully' },
    });
    expect(services.kafka?.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('kafka-')]));
    expect(services.postgres?.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('pg_isready')]),
    );
  });

  it('keeps Kafka on localhost:9092 and PostgreSQL on 5432 for the tests and `npm start` on the host', () => {
    expect(services.kafka?.image).toMatch(/^apache\/kafka:/);
    expect(services.kafka?.ports?.map((port) => [Number(port.published), Number(port.target)])).toEqual([[9092, 9092]]);
    expect(String(services.kafka?.environment?.KAFKA_ADVERTISED_LISTENERS)).toContain('PLAINTEXT://localhost:9092');
    expect(String(services.kafka?.environment?.KAFKA_PROCESS_ROLES)).toBe('broker,controller');
    expect(services.postgres?.ports?.map((port) => [Number(port.published), Number(port.target)])).toEqual([
      [5432, 5432],
    ]);
  });

  it('creates every topic the services use with its partitions in kafka-init, before any service starts', () => {
    const init = services['kafka-init'];
    expect(init?.image).toBe(services.kafka?.image);
    const script = [...(init?.entrypoint ?? []), ...(init?.command ?? [])].join('\n');
    expect(script).toContain('kafka-topics.sh');
    expect(script).toContain('--create --if-not-exists');
    const listed = /<<'TOPICS'\n([\s\S]*?)\nTOPICS\n/.exec(script)?.[1] ?? '';
    const created = listed
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .map(([name, partitions]) => ({ name, partitions: Number(partitions) }));
    const used = serviceTopics(definitions);
    expect(used.length).toBeGreaterThan(0);
    // `npx tsx scripts/container-topics.ts` prints the lines kafka-init needs.
    expect(created).toEqual(used);
  });

  it('gives each service settings it starts with (loadEnv), and the identity app the issuer they trust', () => {
    const settings = (name: string): Record<string, string> =>
      Object.fromEntries(
        Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [key, String(value ?? '')]),
      );
    const identity = loadEnv(IdentityEnv, settings('identity'));
    for (const definition of definitions) {
      const env = readServiceEnv(definition, settings(definition.name));
      expect(env.IDENTITY_ISSUER).toBe(identity.IDENTITY_ISSUER);
      expect(env.ACCESS_TOKEN_AUDIENCE).toBe(identity.ACCESS_TOKEN_AUDIENCE);
      expect(env.usesKafka).toBe(true);
      expect(env.DATABASE_URL).toBe(identity.DATABASE_URL);
      expect(services[definition.name]?.volumes).toEqual(
        expect.arrayContaining([expect.stringMatching(/:\/app\/\.scratch(:rw)?$/)]),
      );
    }
    const auditDefinition = definitions.find((definition) => definition.name === 'audit');
    if (!auditDefinition) throw new Error('no audit service');
    const audit = readServiceEnv(auditDefinition, settings('audit'));
    const verified = audit.VERIFY_SERVICE_URLS.split(',').map((pair) => pair.split('=')[0]);
    expect(verified.sort()).toEqual(
      definitions
        .map((definition) => definition.name)
        .filter((name) => name !== 'audit')
        .sort(),
    );
    expect(audit.REGISTER_CHANGES_URL).toBe(`${identity.IDENTITY_ISSUER}/admin/register-changes`);
    expect(settings('audit').LINTAS_ENV_FILE).toBe(settings('demo-register').AUDIT_CLIENT_ENV_FILE);
  });

  it('runs the console from the one image on its default port, after identity, the register and the services', () => {
    const consoleService = services.console;
    expect(consoleService?.command).toEqual(['console']);
    expect(consoleService?.image).toBe(services.identity?.image);
    expect(consoleService?.build).toBeDefined();
    const port = new ConsoleEnv().PORT;
    expect(consoleService?.ports?.map((p) => [Number(p.published), Number(p.target)])).toEqual([[port, port]]);
    expect(consoleService?.depends_on).toEqual({
      identity: { condition: 'service_healthy' },
      'demo-register': { condition: 'service_completed_successfully' },
      ...Object.fromEntries(definitions.map((definition) => [definition.name, { condition: 'service_healthy' }])),
    });
    expect(consoleService?.healthcheck?.test).toEqual(['CMD', 'node', ENTRYPOINT, 'health', '/health/ready']);
  });

  it("gives the console settings it starts with, the services' issuer, each service's address and its client", () => {
    const settings = settingsOf(services.console);
    const identity = loadEnv(IdentityEnv, settingsOf(services.identity));
    const env = loadEnv(ConsoleEnv, settings);
    expect(env.PORT).toBe(new ConsoleEnv().PORT);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.IDENTITY_ISSUER).toBe(identity.IDENTITY_ISSUER);
    expect(env.ACCESS_TOKEN_AUDIENCE).toBe(identity.ACCESS_TOKEN_AUDIENCE);
    for (const definition of definitions) {
      const setting = consoleUrlSetting(definition.name);
      expect([setting, settings[setting]]).toEqual([setting, `http://${definition.name}:${definition.defaultPort}`]);
    }
    // Its redirect URI is the one demo-register registers, on the port published to the host's browser.
    const register = settingsOf(services['demo-register']);
    expect(env.CONSOLE_URL).toBe(register.CONSOLE_URL);
    expect(Number(new URL(env.CONSOLE_URL).port)).toBe(Number(services.console?.ports?.[0]?.published));
    // Its client's id and secret: the file demo-register writes, in a volume both mount at the same place.
    const file = register.CONSOLE_CLIENT_ENV_FILE ?? '';
    expect(settings.LINTAS_ENV_FILE).toBe(file);
    const folder = posix.dirname(file);
    const volume = namedVolumes(services['demo-register']).get(folder);
    expect(volume).toBeDefined();
    expect(namedVolumes(services.console).get(folder)).toBe(volume);
    // The console alone reads it: no other container mounts that volume.
    const holders = Object.entries(services)
      .filter(([, service]) => [...namedVolumes(service).values()].includes(volume ?? ''))
      .map(([name]) => name);
    expect(holders.sort()).toEqual(['console', 'demo-register']);
  });

  it("mounts each Lintas container's volumes where the image has a folder of the unprivileged user's", () => {
    // A new named volume takes the owner of the folder it is mounted on, root where the image has
    // none, and the process (user node) could not write to it.
    const runtime = stages(instructions(readFileSync(DOCKERFILE, 'utf8'))).at(-1);
    const runs = (runtime?.body ?? [])
      .filter((instruction) => instruction.keyword === 'RUN')
      .map((instruction) => instruction.args)
      .join(' && ')
      .split('&&')
      .map((command) => command.trim().split(/\s+/));
    const made = new Set(runs.filter(([command]) => command === 'mkdir').flatMap((words) => words.slice(1)));
    const owned = new Set(
      runs
        .filter(([command, owner]) => command === 'chown' && owner === 'node:node')
        .flatMap((words) => words.slice(2)),
    );
    for (const [name, service] of Object.entries(services).filter(([, s]) => s.image === services.identity?.image)) {
      for (const target of namedVolumes(service).keys()) {
        const folder = posix.relative('/app', target);
        expect([name, target, made.has(folder), owned.has(folder)]).toEqual([name, target, true, true]);
      }
    }
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(DOCKERFILE, 'utf8');
  const all = instructions(text);
  const built = stages(all);
  const runtime = built.at(-1);

  it('passes the dockerfile-utils validator with no error or warning', () => {
    let bin: string;
    try {
      const manifest = require.resolve('dockerfile-utils/package.json');
      bin = join(dirname(manifest), 'bin', 'dockerfile-utils');
    } catch {
      throw new Error('dockerfile-utils is not installed: it is a devDependency (npm ci)');
    }
    const run = spawnSync(process.execPath, [bin, 'lint', '--json', DOCKERFILE], { encoding: 'utf8' });
    const diagnostics = JSON.parse(run.stdout) as { message: string; range: { start: { line: number } } }[];
    expect(diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('is multi-stage: dependencies, build and runtime apart, the runtime on Node 24', () => {
    expect(built.length).toBeGreaterThanOrEqual(3);
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(text)?.[1];
    expect(base).toMatch(/^node:24-/);
    expect(runtime?.from.args).toMatch(/^\$\{NODE_IMAGE\}/);
    const copiedFrom = runtime?.body
      .filter((instruction) => instruction.keyword === 'COPY')
      .map((instruction) => /--from=(\S+)/.exec(instruction.args)?.[1])
      .filter((stage) => stage !== undefined);
    expect(copiedFrom?.length).toBeGreaterThanOrEqual(2);
  });

  it('installs production dependencies only into the runtime, and builds with every dependency', () => {
    const runs = (stage: (typeof built)[number] | undefined) =>
      (stage?.body ?? []).filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args);
    const runtimeModules = runtime?.body.find(
      (instruction) =>
        instruction.keyword === 'COPY' && /\snode_modules\s|\/node_modules\s/.test(`${instruction.args} `),
    );
    const source = built.find((stage) => stage.name === /--from=(\S+)/.exec(runtimeModules?.args ?? '')?.[1]);
    expect(runs(source).join('\n')).toMatch(/npm ci\b.*--omit=dev/);
    const build = built.find((stage) => runs(stage).some((run) => run.includes('npm run build')));
    expect(runs(build).join('\n')).toContain('scripts/container-build.ts');
    // The runtime installs nothing of its own.
    expect(runs(runtime).join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a non-root user, with a health check and the entrypoint that takes the process name', () => {
    const last = (keyword: string) => runtime?.body.filter((instruction) => instruction.keyword === keyword).at(-1);
    expect(last('USER')?.args).toBeDefined();
    expect(last('USER')?.args).not.toMatch(/^(root|0)(:|$)/);
    expect(last('HEALTHCHECK')?.args).toContain(`"${ENTRYPOINT}", "health"`);
    expect(last('ENTRYPOINT')?.args).toBe(`["node", "${ENTRYPOINT}"]`);
    for (const process of Object.values(CONTAINER_PROCESSES)) {
      if (process.defaultPort !== undefined)
        expect(last('EXPOSE')?.args.split(/\s+/)).toContain(String(process.defaultPort));
    }
  });

  it('has an entrypoint that knows every service, at the path and default port the build gives it', () => {
    const nest = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
      projects: Record<string, { type: string }>;
    };
    const applications = Object.entries(nest.projects)
      .filter(([, project]) => project.type === 'application')
      .map(([name]) => name);
    // The five services and the console, which is no service (no store, no Kafka) but is built alike.
    expect(applications.sort()).toEqual([...definitions.map((definition) => definition.name), 'console'].sort());
    expect(CONTAINER_PROCESSES.console).toEqual({
      main: 'dist/apps/console/apps/console/src/main.js',
      defaultPort: new ConsoleEnv().PORT,
      healthPath: '/health/live',
    });
    for (const definition of definitions) {
      expect(CONTAINER_PROCESSES[definition.name]).toEqual({
        main: `dist/apps/${definition.name}/apps/${definition.name}/src/main.js`,
        defaultPort: definition.defaultPort,
        healthPath: '/health/live',
      });
    }
    expect(CONTAINER_PROCESSES.identity?.defaultPort).toBe(new IdentityEnv().PORT);
  });

  it('leaves installed, built and local files out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', 'dist', '.git', '.lintas', '.scratch']) expect(ignored).toContain(entry);
  });
});
