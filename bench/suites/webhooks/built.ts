import Module, { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const NODE_MODULES = join(ROOT, 'node_modules');

/**
 * Where the built services are: `BENCH_DIST`, or the project's `dist/` (what `npm run build` makes).
 * A copy elsewhere (`cp -r dist /tmp/bench-dist`) keeps a run's code fixed while dist/ is rebuilt.
 */
export function distRoot(): string {
  return process.env.BENCH_DIST ?? join(ROOT, 'dist');
}

/** A copy outside the project finds no node_modules above it: it is told where the project's are. */
function outsideProject(dist: string): boolean {
  return relative(ROOT, dist).startsWith('..');
}

/** The settings a built service's process needs to find its packages from `distRoot()`. */
export function nodePathFor(dist = distRoot()): Record<string, string> {
  return outsideProject(dist) ? { NODE_PATH: NODE_MODULES } : {};
}

/** The entry point of a built service. */
export function builtEntry(service: string, dist = distRoot()): string {
  return join(dist, 'apps', service, 'apps', service, 'src', 'main.js');
}

let pathsWidened = false;

/**
 * Loads a compiled module of a built service, e.g. `libs/webhooks/src/delivery/webhook-store.js`
 * of `health-liaison`, in this process.
 */
export function loadBuilt<T>(service: string, file: string): T {
  const dist = distRoot();
  if (outsideProject(dist) && !pathsWidened) {
    // The compiled code requires its packages (pg, pino …) by name: from a copy outside the project
    // they are found only through NODE_PATH, which the module loader reads again on _initPaths.
    process.env.NODE_PATH = [process.env.NODE_PATH, NODE_MODULES].filter(Boolean).join(':');
    (Module as unknown as { _initPaths(): void })._initPaths();
    pathsWidened = true;
  }
  const compiled = join(dist, 'apps', service);
  return createRequire(join(compiled, 'package.json'))(join(compiled, file)) as T;
}
