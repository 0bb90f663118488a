import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm start` keeps between runs: `.lintas/` at the project's root (git-ignored), or the
 * folder LINTAS_HOME names (a second installation from the same clone, a test).
 */
export const PROJECT_FOLDER = process.env.LINTAS_HOME ?? join(__dirname, '..', '..', '.lintas');

export const projectPath = (...parts: string[]): string => join(PROJECT_FOLDER, ...parts);

interface RunningStart {
  pid: number;
  startedAt: string;
  urls: string[];
}

/**
 * One `npm start` per project folder: a second one would find the first one's ports taken and its
 * embedded PostgreSQL's data folder locked. The lock file names the running one; a lock whose
 * process is gone (killed) is taken over.
 */
export function takeStartLock(urls: string[]): { release: () => void } | { running: RunningStart } {
  mkdirSync(PROJECT_FOLDER, { recursive: true });
  const lock = projectPath('start.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const mine: RunningStart = { pid: process.pid, startedAt: new Date().toISOString(), urls };
      writeFileSync(lock, JSON.stringify(mine), { flag: 'wx' });
      return { release: () => rmSync(lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = readLock(lock);
      if (held && isAlive(held.pid)) return { running: held };
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not take ${lock}`);
}

function readLock(path: string): RunningStart | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunningStart;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
