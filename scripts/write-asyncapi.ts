/**
 * Writes docs/asyncapi.json, the AsyncAPI 3.1 document of the integration events, from
 * libs/contracts (buildAsyncApiDocument), after checking it with @asyncapi/parser.
 *
 *   tsx scripts/write-asyncapi.ts           write it
 *   tsx scripts/write-asyncapi.ts --check   fail if it is not valid or docs/asyncapi.json is not up to date
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { format, resolveConfig } from 'prettier';
import { buildAsyncApiDocument } from '../libs/contracts/src/asyncapi/asyncapi-document';

const ROOT = resolve(__dirname, '..');
const TARGET = join(ROOT, 'docs', 'asyncapi.json');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const document = buildAsyncApiDocument();
  const json = JSON.stringify(document);

  const diagnostics = await new Parser().validate(json);
  const severities = ['error', 'warning', 'info', 'hint'];
  for (const diagnostic of diagnostics) {
    const where = diagnostic.path.join('.') || '(document)';
    console.log(
      `  ${severities[diagnostic.severity] ?? diagnostic.severity} ${diagnostic.code} ${where}: ${diagnostic.message}`,
    );
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
  const text = await format(json, { ...(await resolveConfig(TARGET)), parser: 'json' });
  const where = relative(process.cwd(), TARGET);
  if (errors > 0) {
    console.error(`AsyncAPI: ${errors} error(s) in the document built from libs/contracts`);
    process.exitCode = 1;
  } else if (check) {
    const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
    if (current !== text) {
      console.error(`AsyncAPI: ${where} is not up to date with libs/contracts; run \`npm run write:asyncapi\``);
      process.exitCode = 1;
    } else {
      console.log(`AsyncAPI: ${where} is valid and up to date (${diagnostics.length} remark(s))`);
    }
  } else {
    mkdirSync(dirname(TARGET), { recursive: true });
    writeFileSync(TARGET, text);
    console.log(`AsyncAPI: wrote ${where} (${diagnostics.length} remark(s))`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
