import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessMatrix } from '../../../scripts/api-documents/access-matrix';

/** docs/access.md says what the built services enforce: it is regenerated here and must not differ. */
const ROOT = join(__dirname, '..', '..', '..');

it('docs/access.md is the access matrix of the built services (npm run write:access)', async () => {
  const generated = await renderAccessMatrix(ROOT, join(ROOT, 'dist', 'apps'));
  expect(readFileSync(join(ROOT, 'docs', 'access.md'), 'utf8')).toBe(generated);
  // Every route the services serve is in it, each closed unless it names its kinds or is public.
  expect(generated).toMatch(/Every route of every service \(\d+ in all\)/);
  expect(generated).toContain('| `POST /pickups` ');
}, 60_000);
