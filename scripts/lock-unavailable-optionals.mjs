// Run after `npm install` whenever dependencies change.
//
// The npm registry that this project's machines reach serves only some platform builds of
// packages such as @swc/core and unrs-resolver (the Linux ones). `npm install` leaves the others out
// of package-lock.json, and `npm ci` then refuses the lock ("Missing: … from lock file") because
// its own resolution still lists them. Recording each such optional dependency as an optional
// entry lets `npm ci` accept the lock; it skips them at install as it skips any optional
// dependency it cannot fetch, and a machine that can fetch them installs them as usual.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvable(location, name)) continue;
    packages[`node_modules/${name}`] = { version: spec, ...(entry.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}

// Node's lookup: the package's own node_modules, then each ancestor's, up to the root.
function resolvable(location, name) {
  for (let base = location; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} unavailable optional dependencies recorded`);
