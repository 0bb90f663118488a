import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { provisionInfrastructure } from '../libs/testing/src/infra/provision';
import { formatTable, type ResultRow } from './harness/result-row';
import { suites } from './suites';

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** Runs every suite against real servers found as the tests find them, prints a table, writes bench-results.json. */
async function main(): Promise<void> {
  const started = performance.now();
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    throw new Error(`no suite named ${unknown.join(', ')}; the suites: ${suites.map((s) => s.name).join(', ')}`);
  }
  const selected = suites.filter((suite) => only.length === 0 || only.includes(suite.name));
  const infrastructure = await provisionInfrastructure(process.env, { log, keepLogs: () => false });
  const rows: ResultRow[] = [];
  try {
    for (const suite of selected) {
      // The figures are only comparable on a quiet machine: the load shows what else was running.
      log(`suite ${suite.name} (load average ${loadavg()[0]?.toFixed(2)})`);
      rows.push(
        ...(await suite.run({
          postgresAdminUrl: infrastructure.postgres.address,
          kafkaBrokers: infrastructure.kafka.address.split(','),
          log,
        })),
      );
    }
  } finally {
    await infrastructure.stop();
  }
  process.stdout.write(selected.length === 0 ? 'no benchmark suites yet\n' : `${formatTable(rows)}\n`);
  await writeFile(join(__dirname, '..', 'bench-results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  log(`done in ${((performance.now() - started) / 1_000).toFixed(0)} s (load average ${loadavg()[0]?.toFixed(2)})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
