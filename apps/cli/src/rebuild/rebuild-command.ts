import type { Command } from 'commander';
import { Listr } from 'listr2';
import type { AdminClient } from '../admin-client';
import { EXIT } from '../exit-codes';
import { serviceUrl, withService, type ServiceChoice } from '../service-option';

interface Options extends ServiceChoice {
  wait?: boolean;
  every: number;
}

/** GET /admin/projections/:name/rebuild, as the services answer it. */
interface Rebuild {
  rebuildId: string;
  projection: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  resumedFrom: number;
  rate: number;
  etaSeconds: number | null;
  startedAt: string;
  finishedAt?: string;
  digest?: string;
  tables?: { table: string; rows: number; digest: string }[];
  position?: string;
  swapMs?: number;
  error?: string;
}

interface Projections {
  service: string;
  schema: string;
  projections: { name: string; position: string; lagEvents: number; lagSeconds: number; shadowSchema?: string }[];
}

/**
 * `lintas rebuild <projection> --service <name> [--wait]`: the service rebuilds one of its read
 * models from the first event in a shadow schema while the live one goes on serving, and swaps it
 * in when caught up (a rebuild that stopped is resumed). With `--wait`, its progress (done/total,
 * rate, ETA) until it ends, then its digest; exit 1 if it failed. `lintas projections --service
 * <name>`: each read model's checkpoint and lag.
 */
export function rebuildCommands(program: Command, admin: () => Promise<AdminClient>, json: () => boolean): void {
  const rebuild = withService(program.command('rebuild <projection>'))
    .description('rebuild a read model in a shadow schema and swap it in (readers keep the old one meanwhile)')
    .option('--wait', 'follow its progress until it ends; exit 1 if it failed')
    .option('--every <ms>', 'how often --wait asks (milliseconds)', (value) => Number.parseInt(value, 10), 1_000);
  rebuild.action(async (projection: string, options: Options) => {
    const url = serviceUrl(options);
    const client = await admin();
    const path = `/admin/projections/${encodeURIComponent(projection)}/rebuild`;
    const started = (await client.callAt(url, 'POST', path, {})) as Rebuild;
    if (!options.wait) {
      if (json()) return void process.stdout.write(`${JSON.stringify(started, null, 2)}\n`);
      const resumed = started.resumedFrom > 0 ? `, resumed after ${started.resumedFrom} events` : '';
      return void process.stdout.write(
        `rebuild ${started.rebuildId} of ${projection} started${resumed}; follow it with --wait or GET ${path}\n`,
      );
    }
    const poll = () => client.callAt(url, 'GET', path) as Promise<Rebuild>;
    const every = Number.isFinite(options.every) && options.every > 0 ? options.every : 1_000;
    const ended = json() ? await follow(poll, every, () => undefined) : await show(projection, poll, every);
    if (json()) process.stdout.write(`${JSON.stringify(ended, null, 2)}\n`);
    else if (ended.status === 'done') process.stdout.write(summary(ended));
    else process.stderr.write(`lintas: the rebuild of ${projection} failed: ${ended.error ?? 'no reason given'}\n`);
    process.exitCode = ended.status === 'done' ? EXIT.ok : EXIT.failed;
  });

  withService(program.command('projections'))
    .description("a service's read models: each one's checkpoint, lag, and a stopped rebuild to resume")
    .action(async (options: ServiceChoice) => {
      const answer = (await (await admin()).callAt(serviceUrl(options), 'GET', '/admin/projections')) as Projections;
      if (json()) return void process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      for (const p of answer.projections) {
        const shadow = p.shadowSchema ? `  (a stopped rebuild waits in ${p.shadowSchema})` : '';
        process.stdout.write(
          `${p.name.padEnd(24)} at ${p.position.padEnd(16)} ${String(p.lagEvents).padStart(8)} behind${shadow}\n`,
        );
      }
    });
}

/** Polls until the rebuild ends, telling each answer to `onState`. */
async function follow(
  poll: () => Promise<Rebuild>,
  every: number,
  onState: (state: Rebuild) => void,
): Promise<Rebuild> {
  for (;;) {
    const state = await poll();
    onState(state);
    if (state.status !== 'running') return state;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** A live task line on a terminal (listr2); elsewhere (a pipe, a log) a plain line per answer. */
async function show(projection: string, poll: () => Promise<Rebuild>, every: number): Promise<Rebuild> {
  if (!process.stdout.isTTY) {
    return follow(poll, every, (state) => process.stdout.write(`${projection}: ${progressLine(state)}\n`));
  }
  let ended: Rebuild | undefined;
  await new Listr(
    [
      {
        title: `rebuild ${projection}`,
        // The latest progress line under the title, gone once the title says how it ended.
        rendererOptions: { outputBar: 1, persistentOutput: false },
        task: async (_, task) => {
          ended = await follow(poll, every, (state) => (task.output = progressLine(state)));
          if (ended.status === 'failed') task.title = `rebuild ${projection}: failed`;
          else task.title = `rebuild ${projection}: ${ended.done} events at ${ended.rate}/s, swapped in`;
        },
      },
    ],
    { exitOnError: false },
  ).run();
  if (!ended) throw new Error('the rebuild was not followed to its end');
  return ended;
}

function progressLine(state: Rebuild): string {
  const percent = state.total > 0 ? Math.min(100, Math.floor((state.done / state.total) * 100)) : 0;
  const eta = state.etaSeconds === null ? '?' : duration(state.etaSeconds);
  return `${state.status} ${state.done}/${state.total} events (${percent}%), ${state.rate} events/s, ETA ${eta}`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function summary(state: Rebuild): string {
  const tables = (state.tables ?? []).map(
    (t) => `  ${t.table.padEnd(24)} ${String(t.rows).padStart(9)} rows  ${t.digest}\n`,
  );
  return (
    `rebuilt ${state.projection}: ${state.done} events` +
    `${state.resumedFrom > 0 ? ` (resumed after ${state.resumedFrom})` : ''}, ${state.rate} events/s, ` +
    `swapped in at ${state.position} (live projection paused ${state.swapMs} ms)\n` +
    `digest ${state.digest}\n${tables.join('')}`
  );
}
