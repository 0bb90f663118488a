#!/usr/bin/env node
'use strict';
// `npx lintas …`: the admin CLI (apps/cli) run from its TypeScript through tsx, with the project's
// path aliases; the working directory stays the caller's, so files are read and written where they ran it.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    require.resolve('tsx/cli', { paths: [root] }),
    '--tsconfig',
    join(root, 'tsconfig.json'),
    join(root, 'apps/cli/src/main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
