import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from './cache-dir';
import { freePort } from './free-port';
import { guardChild } from './process-guardian';
import { lastLines, runCommand } from './run-command';

export const KEYCLOAK_VERSION = '26.7.3';

const HOST = '127.0.0.1';
const DIST = `keycloak-quarkus-dist-${KEYCLOAK_VERSION}`;
const DIST_URL = `https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/${KEYCLOAK_VERSION}/${DIST}.zip`;
/** The realm every test of Lintas against Keycloak uses; the file is also the example for an installation. */
export const KEYCLOAK_REALM_FILE = join(__dirname, '..', 'identity', 'keycloak', 'lintas-realm.json');
/**
 * Later starts take under a minute, but the first after unpacking also builds Quarkus' augmented classes
 * and took 160 s here: 180 s would leave a busy machine no margin.
 */
const START_TIMEOUT_MS = 240_000;

export interface Keycloak {
  /** The base URL, e.g. http://127.0.0.1:8080, without a trailing slash. */
  readonly url: string;
  /** The OpenID issuer of a realm, exactly as Keycloak writes it into `iss` and its discovery document. */
  issuer(realm: string): string;
  /** Stops what this call started; a Keycloak found through KEYCLOAK_URL is left running. */
  stop(): Promise<void>;
}

export interface KeycloakOptions {
  log?: (message: string) => void;
  /** Asked at stop(): keep keycloak.log for the reader of a failed run. */
  keepLogs?: () => boolean;
}

/**
 * A Keycloak with the `lintas` realm, for the test file that asks: the one at KEYCLOAK_URL (which must
 * have imported lintas-realm.json), else one started from the distribution on Maven Central. It is not
 * part of the run's global setup: it costs about a minute and 400 MB, and one test file needs it.
 */
export async function keycloak(options: KeycloakOptions = {}): Promise<Keycloak> {
  const log = options.log ?? ((message: string) => void process.stdout.write(`[keycloak] ${message}\n`));
  const external = process.env.KEYCLOAK_URL;
  if (external) {
    const url = external.replace(/\/$/, '');
    await waitUntilRealmAnswers(url, 'lintas', 10_000, () => true).catch((error: unknown) => {
      throw new Error(
        `KEYCLOAK_URL=${external} does not serve the realm lintas (import ${KEYCLOAK_REALM_FILE}): ${String(error)}`,
      );
    });
    log(`using the Keycloak at KEYCLOAK_URL=${url}`);
    return { url, issuer: (realm) => `${url}/realms/${realm}`, stop: async () => undefined };
  }
  return startLocalKeycloak({ log, keepLogs: options.keepLogs ?? (() => false) });
}

async function sha1Of(path: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function download(url: string, to: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(600_000) });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  await writeFile(to, response.body);
}

/** The unpacked distribution in the cache, downloaded once and checked against Maven Central's SHA-1. */
export async function resolveKeycloakDist(log: (message: string) => void): Promise<string> {
  const dir = cacheDir('keycloak', KEYCLOAK_VERSION);
  const home = join(dir, `keycloak-${KEYCLOAK_VERSION}`);
  // Written last: an interrupted download or unzip is redone.
  const marker = join(dir, 'dist.complete');
  if (existsSync(marker) && existsSync(join(home, 'bin', 'kc.sh'))) return home;

  const zip = join(dir, `${DIST}.zip`);
  const expected = (await (await fetch(`${DIST_URL}.sha1`, { signal: AbortSignal.timeout(30_000) })).text())
    .trim()
    .split(/\s+/)[0];
  if (!expected || !/^[0-9a-f]{40}$/.test(expected)) throw new Error(`no SHA-1 at ${DIST_URL}.sha1`);
  if (!existsSync(zip) || (await sha1Of(zip)) !== expected) {
    log(`downloading Keycloak ${KEYCLOAK_VERSION} from ${DIST_URL}`);
    const partial = `${zip}.part`;
    await download(DIST_URL, partial);
    const actual = await sha1Of(partial);
    if (actual !== expected) {
      await rm(partial, { force: true });
      throw new Error(`${DIST_URL}: SHA-1 ${actual}, Maven Central says ${expected}`);
    }
    await rename(partial, zip);
  }
  log(`unpacking ${zip}`);
  await rm(home, { recursive: true, force: true });
  const unzip = await runCommand('unzip', ['-q', '-o', zip], { cwd: dir }).catch(() => undefined);
  if (!unzip || unzip.code !== 0) {
    // No unzip on the machine: the JDK that runs Keycloak has jar, which reads zips.
    const jar = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'jar') : 'jar';
    const extracted = await runCommand(jar, ['xf', zip], { cwd: dir });
    if (extracted.code !== 0) throw new Error(`could not unpack ${zip}:\n${lastLines(extracted.output, 40)}`);
  }
  // jar xf does not keep the executable bit.
  await runCommand('chmod', ['+x', join(home, 'bin', 'kc.sh')], {});
  await writeFile(marker, DIST_URL);
  return home;
}

async function waitUntilRealmAnswers(
  url: string,
  realm: string,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<void> {
  const discovery = `${url}/realms/${realm}/.well-known/openid-configuration`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (!isAlive()) throw new Error('the Keycloak process exited');
    if (Date.now() >= deadline) throw new Error(`${discovery} did not answer within ${timeoutMs} ms`);
    await sleep(500);
  }
}

async function startLocalKeycloak(options: Required<KeycloakOptions>): Promise<Keycloak> {
  const { log, keepLogs } = options;
  const home = await resolveKeycloakDist(log);
  // --import-realm reads only the distribution's data/import; the database is in memory (dev-mem), so
  // every start imports the realm as the file now says and leaves nothing behind in the cache.
  await mkdir(join(home, 'data', 'import'), { recursive: true });
  await copyFile(KEYCLOAK_REALM_FILE, join(home, 'data', 'import', 'lintas-realm.json'));

  const port = await freePort();
  const scratch = await mkdtemp(join(tmpdir(), 'lintas-keycloak-'));
  const logFile = join(scratch, 'keycloak.log');
  const out = openSync(logFile, 'a');
  const started = performance.now();
  // detached: kc.sh and its JVM form their own process group, so the guardian and stop() kill both.
  const child = spawn(
    join(home, 'bin', 'kc.sh'),
    ['start-dev', '--import-realm', '--db=dev-mem', `--http-port=${port}`, `--http-host=${HOST}`],
    {
      cwd: home,
      detached: true,
      stdio: ['ignore', out, out],
      // Small heap: a test realm with two clients; the default takes a quarter of the machine.
      env: { ...process.env, JAVA_OPTS_KC_HEAP: '-Xms128m -Xmx512m' },
    },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${join(home, 'bin', 'kc.sh')}`);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    const onExit = (): void => {
      exited = true;
      resolve();
    };
    child.once('exit', onExit);
    child.once('error', onExit);
  });
  guardChild(pid, scratch);
  child.unref();

  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const exitWithin = async (ms: number): Promise<void> => {
    const timer = new AbortController();
    await Promise.race([exit, sleep(ms, undefined, { signal: timer.signal })]).finally(() => timer.abort());
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (!exited) {
        signalGroup('SIGTERM');
        await exitWithin(15_000);
        if (!exited) {
          signalGroup('SIGKILL');
          await exitWithin(5_000);
        }
      }
      if (keepLogs()) log(`keycloak log kept at ${logFile}`);
      else await rm(scratch, { recursive: true, force: true });
    })());

  const url = `http://${HOST}:${port}`;
  log(`starting Keycloak ${KEYCLOAK_VERSION} on ${url} (pid ${pid}, log ${logFile})`);
  try {
    await waitUntilRealmAnswers(url, 'lintas', START_TIMEOUT_MS, () => !exited);
  } catch (error) {
    const tail = existsSync(logFile) ? lastLines(readFileSync(logFile, 'utf8'), 40) : '';
    // The log is kept: it is the only way to see why Keycloak did not come up.
    signalGroup('SIGKILL');
    throw new Error(`local Keycloak did not start: ${String(error)}\nlog file: ${logFile}\n${tail}`);
  }
  log(`Keycloak ready on ${url} in ${Math.round(performance.now() - started)} ms`);
  return { url, issuer: (realm) => `${url}/realms/${realm}`, stop };
}
