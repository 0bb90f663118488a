/**
 * `npm run lint:api`: builds every service's OpenAPI document as the service would serve it at
 * /openapi.json, without PostgreSQL or Kafka, and lints each with Redocly (`redocly.yaml`: the
 * `recommended` rules). Exits non-zero on any error.
 *
 *   tsx scripts/check-api-documents.ts [--out <dir>] [service…]
 *
 * --out keeps the documents (`<service>.openapi.json`); otherwise they go to a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { compileServices } from './api-documents/compile-services';
import { serviceNames } from './api-documents/access-matrix';
import { serviceDocument } from './api-documents/service-document';

const ROOT = resolve(__dirname, '..');

interface NestCli {
  compilerOptions?: { plugins?: (string | { name: string; options?: object })[] };
  projects: Record<string, { type: string }>;
}

interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

function parseArguments(argv: string[]): { out?: string; services: string[] } {
  const services: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    if (argument === '--out') out = argv[++i];
    else services.push(argument);
  }
  return { out, services };
}

function lint(file: string): RedoclyReport {
  const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  try {
    return JSON.parse(run.stdout) as RedoclyReport;
  } catch {
    throw new Error(`redocly lint ${file} failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
}

/** Routes whose success answer says no more than "an object" (or a list of them): not an error, but no contract. */
function untypedAnswers(document: OpenAPIObject): string[] {
  const untyped = (schema: SchemaObject | ReferenceObject | undefined): boolean =>
    !!schema &&
    !('$ref' in schema) &&
    ((schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.allOf) ||
      (schema.type === 'array' && untyped(schema.items)));
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const operation = item[method];
      if (!operation || path === '/openapi.json') return [];
      const ok = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1];
      const schema = ok && !('$ref' in ok) ? ok.content?.['application/json']?.schema : undefined;
      return untyped(schema) ? [`${method.toUpperCase()} ${path} (${operation.operationId})`] : [];
    }),
  );
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as NestCli;
  const apps = serviceNames(ROOT);
  const unknown = options.services.filter((service) => !apps.includes(service));
  if (unknown.length > 0) throw new Error(`not a service: ${unknown.join(', ')} (services: ${apps.join(', ')})`);
  const services = options.services.length > 0 ? options.services : apps;
  const swagger = nestCli.compilerOptions?.plugins?.find(
    (plugin) => typeof plugin === 'object' && plugin.name === '@nestjs/swagger',
  );
  const pluginOptions = typeof swagger === 'object' ? (swagger.options ?? {}) : {};

  const out = options.out ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'lintas-openapi-'));
  mkdirSync(out, { recursive: true });
  console.log(`compiling ${services.join(', ')} as nest build does…`);
  const compiled = compileServices(ROOT, services, pluginOptions);
  const results: { service: string; errors: number; warnings: number }[] = [];
  try {
    for (const service of services) {
      const file = join(out, `${service}.openapi.json`);
      try {
        writeFileSync(file, `${JSON.stringify(await serviceDocument(compiled.dir, service), null, 2)}\n`);
      } catch (error) {
        console.error(`\n${service}: its document could not be built`, error);
        results.push({ service, errors: 1, warnings: 0 });
        continue;
      }
      const report = lint(file);
      results.push({ service, ...report.totals });
      console.log(`\n${service}: ${report.totals.errors} error(s), ${report.totals.warnings} warning(s)`);
      for (const problem of report.problems) {
        const where = problem.location[0]?.pointer ?? '';
        console.log(`  ${problem.severity.padEnd(7)} ${problem.ruleId}: ${problem.message} ${where}`);
      }
      for (const route of untypedAnswers(JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject)) {
        console.log(`  note    ${route}: its answer is an untyped object; give the handler a response DTO`);
      }
    }
  } finally {
    compiled.remove();
    if (!options.out) rmSync(out, { recursive: true, force: true });
  }
  if (options.out) console.log(`\ndocuments kept in ${relative(process.cwd(), out) || '.'}`);
  const failed = results.filter((result) => result.errors > 0);
  console.log(
    failed.length === 0
      ? `\nOpenAPI: every service's document passes redocly lint (${results.length} services)`
      : `\nOpenAPI: redocly lint found errors in ${failed.map((r) => r.service).join(', ')}`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
