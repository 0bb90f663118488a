import { Option, type Command } from 'commander';
import type { AdminClient } from '../admin-client';
import { UsageError } from '../exit-codes';

interface IndicatorRow {
  indicator: string;
  regionCode: string;
  period: string;
  breakdown: string | null;
  value: number;
  numerator: number | null;
  denominator: number | null;
  observations: number | null;
  p90: number | null;
}

interface IndicatorsAnswer {
  from: string;
  to: string;
  by: string;
  region: string | null;
  rows: IndicatorRow[];
  notes: string[];
}

interface IndicatorsOptions {
  from?: string;
  to?: string;
  by: 'month' | 'year';
  region?: string;
  csv?: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION = /^(\d{2}|\d{4})$/;

/**
 * `lintas indicators …`: the indicators the Renstra counts, from the audit service's ledger
 * (`GET /indicators`, docs/indicators.md), as a table, as JSON (`--json`) or as the service's CSV
 * (`--csv`, printed as it came: redirect it to a file).
 */
export function indicatorsCommands(
  program: Command,
  admin: () => Promise<AdminClient>,
  auditUrl: () => string,
  json: () => boolean,
): void {
  program
    .command('indicators')
    .description(
      'indicators from the ledger: persons returned, time per stage, declines, residents, caseload, tracing requests, complaints…',
    )
    .option('--from <month>', "the first month, YYYY-MM (default: January of --to's year)")
    .option('--to <month>', 'the last month, included, YYYY-MM (default: this month)')
    .addOption(
      new Option('--by <period>', 'a period per month or per year').choices(['month', 'year']).default('month'),
    )
    .option('--region <code>', 'a province (2 digits) or kabupaten/kota (4 digits) (default: every region)')
    .option('--csv', 'the CSV the service writes, one line per indicator, region, period and breakdown')
    .action(async (options: IndicatorsOptions) => {
      const query = queryOf(options);
      if (options.csv && json()) throw new UsageError('--csv and --json: choose one');
      const client = await admin();
      if (options.csv) {
        const csv = await client.callAt(auditUrl(), 'GET', `/indicators?${query}`, undefined, { accept: 'text/csv' });
        return void process.stdout.write(String(csv));
      }
      const answer = (await client.callAt(auditUrl(), 'GET', `/indicators?${query}`)) as IndicatorsAnswer;
      if (json()) return void process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      describe(answer);
    });
}

function queryOf(options: IndicatorsOptions): URLSearchParams {
  for (const name of ['from', 'to'] as const) {
    const month = options[name];
    if (month !== undefined && !MONTH.test(month)) throw new UsageError(`--${name} must be a month such as 2026-01`);
  }
  if (options.from && options.to && options.from > options.to) {
    throw new UsageError(`--from (${options.from}) comes after --to (${options.to})`);
  }
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UsageError('--region must be a province (2 digits) or kabupaten/kota (4 digits) code');
  }
  const query = new URLSearchParams({ by: options.by });
  if (options.from) query.set('from', options.from);
  if (options.to) query.set('to', options.to);
  if (options.region) query.set('region', options.region);
  return query;
}

function describe(answer: IndicatorsAnswer): void {
  const out = (line: string) => void process.stdout.write(`${line}\n`);
  out(`${answer.from} to ${answer.to}, by ${answer.by}, ${answer.region ? `region ${answer.region}` : 'every region'}`);
  if (answer.rows.length === 0) out('nothing counted');
  else out(`${'indicator'.padEnd(26)}${'region'.padEnd(8)}${'period'.padEnd(9)}${'breakdown'.padEnd(26)}value`);
  for (const row of answer.rows) {
    out(
      `${row.indicator.padEnd(26)}${row.regionCode.padEnd(8)}${row.period.padEnd(9)}` +
        `${(row.breakdown ?? '').padEnd(26)}${row.value}${detail(row)}`,
    );
  }
  out('notes:');
  for (const note of answer.notes) out(`  - ${note}`);
}

function detail(row: IndicatorRow): string {
  if (row.observations !== null) {
    const measured = row.indicator === 'tracing-days-to-return' ? 'requests' : 'stays';
    return `  (median days; p90 ${row.p90}, ${row.observations} ${measured})`;
  }
  if (row.denominator !== null) return `  (${row.numerator}/${row.denominator})`;
  return '';
}
