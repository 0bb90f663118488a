import type { Command } from 'commander';
import type { AdminClient } from '../admin-client';
import { UsageError } from '../exit-codes';
import { serviceUrl, withService, type ServiceChoice } from '../service-option';

interface Options extends ServiceChoice {
  asOf: string;
  table: string;
  where?: string;
  limit: number;
}

/** GET /admin/projections/:name/rows, as the services answer it. */
interface RowsAnswer {
  position: string;
  events: number;
  rows: Record<string, unknown>[];
}

/**
 * `lintas rows-at <projection> --service <name> --table <table> [--where column=value] --as-of <time|position>`:
 * a read model's rows as they stood then (the service folds its events up to that point again,
 * touching nothing live). The person-level question has its own command: `lintas state-at`.
 */
export function rowsAtCommand(program: Command, admin: () => Promise<AdminClient>, json: () => boolean): void {
  withService(program.command('rows-at <projection>'))
    .description(
      "a read model's rows as they stood at a time or position (its events folded again; nothing live touched)",
    )
    .requiredOption('--as-of <time|position>', 'e.g. 2026-12-01T00:00:00+07:00, or a position such as 1234.0')
    .requiredOption('--table <table>', "one of the read model's tables")
    .option('--where <column=value>', 'only the rows whose column holds the value')
    .option('--limit <n>', 'at most this many rows', (value) => Number.parseInt(value, 10), 100)
    .action(async (projection: string, options: Options) => {
      const query = new URLSearchParams({ asOf: options.asOf, table: options.table, limit: String(options.limit) });
      if (options.where !== undefined) {
        const at = options.where.indexOf('=');
        if (at <= 0) throw new UsageError('--where must be column=value');
        query.set('column', options.where.slice(0, at));
        query.set('value', options.where.slice(at + 1));
      }
      const answer = (await (
        await admin()
      ).callAt(
        serviceUrl(options),
        'GET',
        `/admin/projections/${encodeURIComponent(projection)}/rows?${query.toString()}`,
      )) as RowsAnswer;
      if (json()) return void process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      process.stdout.write(
        `${projection}.${options.table} as of ${options.asOf}: ${answer.rows.length} rows after ${answer.events} events (to ${answer.position})\n`,
      );
      for (const row of answer.rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    });
}
