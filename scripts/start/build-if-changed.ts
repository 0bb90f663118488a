import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.sources');
/** What the build reads besides the TypeScript of apps/ and libs/. */
const BUILD_FILES = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

/**
 * Builds the services only when a source changed since the last build: the stamp is a digest of
 * every source's path, size and modification time (no file is read), so an unchanged tree starts
 * at once. Tests are not sources of the build.
 */
export function buildIfChanged(log: (line: string) => void): void {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourcesDigest()) {
    log('the services are built and no source changed since');
    return;
  }
  log('building the services (npm run build): a source changed since the last build');
  // The build stamps what it built from itself (stampBuild).
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${String(built.status)})`);
}

/** After `npm run build`: what it built from, so that `npm start` does not build it again. */
export function stampBuild(): void {
  writeFileSync(STAMP, sourcesDigest());
}

if (require.main === module && process.argv.includes('--stamp')) stampBuild();

function sourcesDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(ROOT, path)}\0${size}\0${mtimeMs}\n`);
  };
  for (const file of BUILD_FILES) if (existsSync(join(ROOT, file))) add(join(ROOT, file));
  for (const folder of ['apps', 'libs']) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || path.includes('node_modules') || !/\.(ts|json)$/.test(entry.name)) continue;
      if (/\.(spec|app-spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) continue;
      add(path);
    }
  }
  return hash.digest('hex');
}
