import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts a detached watchdog that kills `childPid`'s process group when this process dies.
 * Jest does not run globalTeardown on SIGINT/SIGKILL, so the child must be spawned with
 * `detached: true` (its own group) for an interrupted run to leave nothing behind. The scratch
 * folder, if given, is removed once the child is gone after such an interruption.
 */
export function guardChild(childPid: number, scratchFolder?: string): void {
  const args = [join(__dirname, 'guardian.js'), String(process.pid), String(childPid)];
  const guardian = spawn(process.execPath, scratchFolder ? [...args, scratchFolder] : args, {
    detached: true,
    stdio: 'ignore',
  });
  guardian.unref();
}
