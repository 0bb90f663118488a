/**
 * What the image runs besides the five services and the console, which `npm run build` builds: the
 * identity app, the container entrypoint and the demo register, compiled as `nest build` compiles
 * the services (tsc
 * with tsconfig.json's options, the @lintas/* path aliases rewritten to relative paths, so that
 * plain node runs the output) into dist/container/, laid out as the sources are
 * (dist/container/apps/identity/src/main.js). Type errors fail it, as they fail `nest build`.
 *
 *   tsx scripts/container-build.ts     after `npm run build`, which empties dist/ first
 */
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tsconfigPathsBeforeHookFactory } from '@nestjs/cli/lib/compiler/hooks/tsconfig-paths.hook.js';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'dist', 'container');
const ENTRIES = ['apps/identity/src/main.ts', 'scripts/container-entrypoint.ts', 'scripts/container-demo-register.ts'];

function compile(): number {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    // Node types only, as the services' tsconfig.app.json: jest's are for the tests.
    { outDir: OUT, rootDir: ROOT, incremental: false, sourceMap: false, types: ['node'] },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(
    ENTRIES.map((entry) => join(ROOT, entry)),
    parsed.options,
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    console.error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    );
    return 1;
  }
  rmSync(OUT, { recursive: true, force: true });
  const result = program.emit(undefined, undefined, undefined, false, {
    before: [tsconfigPathsBeforeHookFactory(parsed.options)],
  });
  if (result.emitSkipped) throw new Error('TypeScript emitted nothing');
  console.log(`compiled ${ENTRIES.join(', ')} into ${relative(ROOT, OUT)}/`);
  return 0;
}

process.exitCode = compile();
