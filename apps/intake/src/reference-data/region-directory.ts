import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REGION_DIRECTORY = Symbol('RegionDirectory');

/**
 * The Kemendagri region codes the domain's RegionDirectory port asks for, from the maintained
 * `idn-area-data` package (docs/domain.md, "KK and region codes"): kabupaten/kota (`35.07` → `3507`) and kecamatan
 * (`35.07.01` → `350701`). Read once at start; a new package version brings new and split regions.
 */
export function loadRegionDirectory(dataDirectory = idnAreaDataDirectory()): ReadonlySet<string> {
  const codes = new Set<string>();
  for (const file of ['regencies.csv', 'districts.csv']) {
    for (const code of firstColumn(readFileSync(join(dataDirectory, file), 'utf8'))) {
      const digits = code.replaceAll('.', '');
      if (/^(\d{4}|\d{6})$/.test(digits)) codes.add(digits);
    }
  }
  if (codes.size === 0) throw new Error(`no region codes found in ${dataDirectory}`);
  return codes;
}

function idnAreaDataDirectory(): string {
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function firstColumn(csv: string): string[] {
  return csv
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.slice(0, line.indexOf(',')).trim())
    .filter((code) => code.length > 0);
}
