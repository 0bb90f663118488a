import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const STAMPS = join(DIST, '.sources.json');
/** What `npm run build` builds (its script names them): the five services and the console. */
export const BUILT_SERVICES = [
  'intake',
  'health-liaison',
  'rehabilitation',
  'family-reunification',
  'audit',
  'console',
] as const;
/** What every build reads besides the TypeScript of libs/ and the service's own app. */
const BUILD_FILES = ['package-lock.json', 'tsconfig.json', 'nest-cli.json'];

/**
 * Builds the services whose sources changed since their last build, and only those: a service's
 * stamp is a digest of the paths, sizes and modification times of its app, of libs/ and of the
 * build files (no file is read), so an unchanged tree starts at once, a change in one app builds
 * that app, and a change in libs/ builds them all. Tests are not sources of the build.
 */
export function buildIfChanged(log: (line: string) => void): void {
  const stamps = readStamps();
  const digests = Object.fromEntries(BUILT_SERVICES.map((service) => [service, sourcesDigest(service)]));
  const changed = BUILT_SERVICES.filter(
    (service) => stamps[service] !== digests[service] || !existsSync(join(DIST, 'apps', service)),
  );
  if (changed.length === 0) {
    log('the services are built and no source changed since');
    return;
  }
  log(
    `building ${changed.join(', ')}: a source of ${changed.length === 1 ? 'it' : 'each'} changed since its last build`,
  );
  for (const service of changed) rmSync(join(DIST, 'apps', service), { recursive: true, force: true });
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'nest'), ['build', ...changed], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`nest build ${changed.join(' ')} failed (exit ${String(built.status)})`);
  writeFileSync(STAMPS, JSON.stringify({ ...stamps, ...digests }));
}

/** After `npm run build`: what each service was built from, so that `npm start` does not build it again. */
export function stampBuild(): void {
  writeFileSync(STAMPS, JSON.stringify(Object.fromEntries(BUILT_SERVICES.map((s) => [s, sourcesDigest(s)]))));
}

if (require.main === module && process.argv.includes('--stamp')) stampBuild();

function readStamps(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(STAMPS, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function sourcesDigest(service: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(ROOT, path)}\0${size}\0${mtimeMs}\n`);
  };
  for (const file of BUILD_FILES) if (existsSync(join(ROOT, file))) add(join(ROOT, file));
  for (const folder of [join(ROOT, 'libs'), join(ROOT, 'apps', service)]) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || path.includes('node_modules') || !/\.(ts|json)$/.test(entry.name)) continue;
      if (/\.(spec|app-spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) continue;
      add(path);
    }
  }
  return hash.digest('hex');
}
