import type { Command } from 'commander';
import { AdminRefusal, type AdminClient } from '../admin-client';
import { UsageError } from '../exit-codes';
import { serviceUrl, withService, type ServiceChoice } from '../service-option';

interface DeadLetter {
  id: string;
  consumerGroup: string;
  reason: string;
  detail: string;
  topic: string;
  partition: number;
  offset: string;
  event: { id: string | null; type: string | null; source: string | null; time: string | null };
  failedAt: string;
  redrivenAt: string | null;
  redrivenBy: { agencyId: string; clientId: string; userId?: string } | null;
  redriveReason: string | null;
  /** When its data was erased with a person it names; it cannot be sent again since. */
  erasedAt: string | null;
}

interface DeadLetterDetails extends DeadLetter {
  personId: string | null;
  headers: Record<string, string>;
  /** Null once erased. */
  dataShape: unknown;
  data?: unknown;
}

/**
 * `lintas dead-letters …`: a service's dead letters (messages its consumers gave up on) — list them,
 * inspect one (its data by shape only, unless revealed, which the service records), and send one
 * again to its topic with a reason. The service is named by `--service` (its URL from
 * `LINTAS_<SERVICE>_URL`, else `npm start`'s port) or given by `--service-url`.
 */
export function deadLetterCommands(program: Command, admin: () => Promise<AdminClient>, json: () => boolean): void {
  const deadLetters = program
    .command('dead-letters')
    .description("a service's dead letters: list, show (data by shape unless revealed), redrive");

  withService(
    deadLetters
      .command('list')
      .description('dead letters of the service, oldest first (never their data)')
      .option('--after <id>', 'only those after this id (the last of the page before)')
      .option('--limit <n>', 'at most this many (1–500, default 50)'),
  ).action(async (options: ServiceChoice & { after?: string; limit?: string }) => {
    const query = new URLSearchParams({
      ...(options.after !== undefined && { after: options.after }),
      ...(options.limit !== undefined && { limit: options.limit }),
    }).toString();
    const url = serviceUrl(options);
    const page = (await (await admin()).callAt(url, 'GET', `/admin/dead-letters${query ? `?${query}` : ''}`)) as {
      service: string;
      deadLetters: DeadLetter[];
      more: boolean;
    };
    if (json()) return print(page);
    if (page.deadLetters.length === 0) return void process.stdout.write(`${page.service}: no dead letters\n`);
    for (const letter of page.deadLetters) {
      const state = letter.erasedAt
        ? `erased ${letter.erasedAt}`
        : letter.redrivenAt
          ? `redriven ${letter.redrivenAt}`
          : 'waiting';
      process.stdout.write(
        `${letter.id.padStart(6)}  ${letter.failedAt}  ${letter.reason.padEnd(20)}  ${letter.event.type ?? '(no type)'}  ${state}\n` +
          `        ${letter.detail}\n`,
      );
    }
    const last = page.deadLetters.at(-1);
    if (page.more && last) process.stdout.write(`more: --after ${last.id}\n`);
  });

  withService(
    deadLetters
      .command('show')
      .description('one dead letter: where, why, its CloudEvents headers and the shape of its data')
      .argument('<id>', 'the dead letter (an id from `list`)')
      .option('--reveal-data', 'also its data: a read of personal data, recorded by the service')
      .option('--reason <reason>', 'why the data is revealed, for the record'),
  ).action(async (id: string, options: ServiceChoice & { revealData?: boolean; reason?: string }) => {
    if (options.reason !== undefined && !options.revealData) {
      throw new UsageError('--reason goes with --reveal-data (why the data is revealed)');
    }
    const query = options.revealData
      ? `?${new URLSearchParams({ reveal: 'data', ...(options.reason !== undefined && { reason: options.reason }) })}`
      : '';
    const url = serviceUrl(options);
    const letter = (await (
      await admin()
    ).callAt(url, 'GET', `/admin/dead-letters/${encodeURIComponent(id)}${query}`)) as DeadLetterDetails;
    if (json()) return print(letter);
    describe(letter);
    process.stdout.write(`headers:\n`);
    for (const [name, value] of Object.entries(letter.headers)) process.stdout.write(`  ${name}: ${value}\n`);
    if (letter.erasedAt) return void process.stdout.write(`data: erased with its person at ${letter.erasedAt}\n`);
    process.stdout.write(`data shape: ${JSON.stringify(letter.dataShape, null, 2)}\n`);
    if ('data' in letter) process.stdout.write(`data (revealed, recorded): ${JSON.stringify(letter.data, null, 2)}\n`);
  });

  withService(
    deadLetters
      .command('redrive')
      .description('send a dead letter again to its topic, once its cause is fixed; the service records who and why')
      .argument('<id>', 'the dead letter (an id from `list`)')
      .requiredOption('--reason <reason>', 'why it is sent again (what was fixed), 1–500 characters')
      .option('--force', 'send it again although it was sent again before'),
  ).action(async (id: string, options: ServiceChoice & { reason: string; force?: boolean }) => {
    const url = serviceUrl(options);
    const letter = (await (
      await admin()
    )
      .callAt(url, 'POST', `/admin/dead-letters/${encodeURIComponent(id)}/redrive`, {
        reason: options.reason,
        ...(options.force && { force: true }),
      })
      .catch((error: unknown) => {
        // Forcing helps one sent again before, not one whose data was erased.
        if (error instanceof AdminRefusal && error.status === 409 && !error.message.includes('was erased')) {
          throw new AdminRefusal(409, `${error.message} (--force sends it again anyway)`);
        }
        throw error;
      })) as DeadLetter;
    if (json()) return print(letter);
    process.stdout.write(`sent dead letter ${letter.id} again to ${letter.topic}\n`);
    describe(letter);
  });
}

/**
 * The options every dead-letters command takes to find its service: `--service` or `--service-url`,
 * and, hidden, each service's URL from its variable (`LINTAS_INTAKE_URL` → `--intake-url`).
 */
function describe(letter: DeadLetter): void {
  const lines: [string, string | null][] = [
    ['id', letter.id],
    ['reason', letter.reason],
    ['detail', letter.detail],
    ['event', [letter.event.type, letter.event.id].filter(Boolean).join(' ') || null],
    ['source', letter.event.source],
    ['time', letter.event.time],
    ['read from', `${letter.topic} partition ${letter.partition} offset ${letter.offset} by ${letter.consumerGroup}`],
    ['failed at', letter.failedAt],
    [
      'redriven',
      letter.redrivenAt
        ? `${letter.redrivenAt} by ${letter.redrivenBy?.agencyId ?? '?'} (${letter.redrivenBy?.clientId ?? '?'}): ${letter.redriveReason ?? ''}`
        : 'no',
    ],
    ['erased', letter.erasedAt ?? 'no'],
  ];
  if ('personId' in letter) lines.splice(4, 0, ['person', (letter as DeadLetterDetails).personId]);
  for (const [name, value] of lines) process.stdout.write(`${`${name}:`.padEnd(11)}${value ?? '-'}\n`);
}

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
