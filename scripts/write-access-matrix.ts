/**
 * Writes docs/access.md, the access matrix, from the built services (run `npm run build` first).
 *
 *   tsx scripts/write-access-matrix.ts           write it
 *   tsx scripts/write-access-matrix.ts --check   fail if docs/access.md is not up to date
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderAccessMatrix } from './api-documents/access-matrix';

const ROOT = resolve(__dirname, '..');
const TARGET = join(ROOT, 'docs', 'access.md');

async function main(): Promise<void> {
  const text = await renderAccessMatrix(ROOT, join(ROOT, 'dist', 'apps'));
  if (process.argv.includes('--check')) {
    const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
    if (current !== text) {
      console.error('docs/access.md is not up to date with the routes; run `npm run build && npm run write:access`');
      process.exitCode = 1;
    } else console.log('docs/access.md is up to date');
  } else {
    writeFileSync(TARGET, text);
    console.log('wrote docs/access.md');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
