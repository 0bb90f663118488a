'use strict';
// Usage: node guardian.js <parentPid> <childPid> [folder]
// Kills the child's process group once the parent is gone, because Jest skips
// globalTeardown on SIGINT/SIGKILL and would otherwise leave the child running;
// then removes the child's scratch folder, which nobody else will.
const { rmSync } = require('node:fs');

const parentPid = Number(process.argv[2]);
const childPid = Number(process.argv[3]);
const folder = process.argv[4];

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the pid exists but belongs to someone else.
    return error.code === 'EPERM';
  }
}

function signalGroup(signal) {
  try {
    process.kill(-childPid, signal);
  } catch {
    // Not a group leader (spawned without `detached`): signal the process alone.
    try {
      process.kill(childPid, signal);
    } catch {
      // Already gone.
    }
  }
}

function cleanUpAndExit() {
  if (folder) rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

function reap() {
  signalGroup('SIGTERM');
  const deadline = Date.now() + 10_000;
  const wait = setInterval(() => {
    if (!alive(childPid)) {
      cleanUpAndExit();
    }
    if (Date.now() >= deadline) {
      clearInterval(wait);
      signalGroup('SIGKILL');
      setTimeout(cleanUpAndExit, 500);
    }
  }, 200);
}

const poll = setInterval(() => {
  if (!alive(childPid)) {
    process.exit(0);
  }
  if (!alive(parentPid)) {
    clearInterval(poll);
    reap();
  }
}, 500);
