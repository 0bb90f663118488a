import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsconfigPathsBeforeHookFactory } from '@nestjs/cli/lib/compiler/hooks/tsconfig-paths.hook.js';
import { before as swaggerPlugin } from '@nestjs/swagger/plugin';
import ts from 'typescript';

export interface CompiledServices {
  /** Where `apps/…` and `libs/…` were emitted, as `nest build` lays them out under dist/apps/<app>. */
  dir: string;
  remove(): void;
}

/**
 * Compiles the services as `nest build` does (tsc, the @nestjs/swagger plugin with the options of
 * nest-cli.json, path aliases rewritten) into a folder of its own, so that the documents describe
 * what the built services serve, and neither dist/ nor a build running beside it is touched.
 */
export function compileServices(root: string, apps: readonly string[], pluginOptions: object): CompiledServices {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-api-documents-'));
  // Packages resolve from the repository's node_modules, as they do from dist/.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      { outDir: join(dir, 'out'), rootDir: root, incremental: false, sourceMap: false, noEmitOnError: false },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    if (!parsed) throw new Error('tsconfig.json could not be read');
    const entries = apps.map((app) => join(root, 'apps', app, 'src', 'main.ts'));
    const platform = [
      'service/run-service.ts',
      'service/platform.module.ts',
      'logging/json-logger.ts',
      'http/openapi.ts',
    ];
    const program = ts.createProgram(
      [...entries, ...platform.map((file) => join(root, 'libs/platform/src', file))],
      parsed.options,
    );
    const result = program.emit(undefined, undefined, undefined, false, {
      before: [tsconfigPathsBeforeHookFactory(parsed.options), swaggerPlugin(pluginOptions, program)],
    });
    if (result.emitSkipped) throw new Error('TypeScript emitted nothing');
    return { dir: join(dir, 'out'), remove };
  } catch (error) {
    remove();
    throw error;
  }
}
