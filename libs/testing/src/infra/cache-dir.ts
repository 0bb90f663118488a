import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A folder outside the repo, so downloads survive `git clean` and are shared between checkouts. */
export function cacheDir(...parts: string[]): string {
  const root = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const dir = join(root, 'lintas', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
