import { open, rm, type FileHandle } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { AdminClient } from '../admin-client';
import { UsageError } from '../exit-codes';
import { integerAtLeast } from '../integer-argument';

const SIGNATURES = ['v1a', 'v1'] as const;
type Signature = (typeof SIGNATURES)[number];
/** Told apart here so that a typo is wrong use (exit 2), not a service's refusal (exit 1). */
const PAYLOAD_FORMS = ['cloudevents-json', 'fhir-bundle'] as const;

interface Subscription {
  id: string;
  url: string;
  events: string[];
  payloadForm: string;
  /** For `fhir-bundle`: how much each notification carries. */
  fhirContent?: string | null;
  /** A FHIR subscription's events wait until its endpoint answers the handshake. */
  handshakePending?: boolean;
  signature: Signature;
  publicKey?: string;
  previousPublicKey?: string;
  keyGeneration: number;
  previousKeyUntil: string | null;
  status: 'active' | 'disabled';
  statusReason: string | null;
  statusChangedAt: string;
  lastSequence: number;
  createdAt: string;
}

/** The answer to making a subscription or rotating its key: a `v1` secret is in it, this once. */
interface SubscriptionWithSecret extends Subscription {
  secret?: string;
}

/** What is printed instead: never the secret, but where it was written. */
interface Shown extends Subscription {
  secretFile?: string;
}

interface Attempt {
  /** 0 for what is no event (a FHIR subscription's handshake or heartbeat). */
  sequence: number;
  eventId: string | null;
  attempt: number;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  outcome: string;
  error: string | null;
}

type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<unknown>;

/**
 * `lintas webhooks …`: an RSJ's webhook subscriptions at health-liaison, called with the RSJ's own
 * client (its agency kind decides; an admin client is refused, these are the RSJ's). A `v1`
 * secret is shown once, by the service, so it goes to a new file (`--secret-out`, mode 0600) and
 * never to the terminal, where a scrollback or a CI log would keep it.
 */
export function webhooksCommands(
  program: Command,
  rsj: () => Promise<AdminClient>,
  healthLiaisonUrl: () => string,
  json: () => boolean,
): void {
  const call: Call = async (method, path, body) => (await rsj()).callAt(healthLiaisonUrl(), method, path, body);
  const at = (id: string): string => `/webhook-subscriptions/${encodeURIComponent(id)}`;
  const webhooks = program
    .command('webhooks')
    .description("an RSJ's webhook subscriptions to its referral events (with the RSJ's own client)");

  webhooks
    .command('subscribe')
    .description('POST each referral event addressed to the RSJ to a URL: signed, numbered without a gap')
    .requiredOption('--url <url>', 'where each event is POSTed: https (http in development and tests only)')
    .option(
      '--event <type...>',
      'only these CloudEvents types (e.g. id.lintas.health-liaison.rsj-referral.requested.v1); default: every referral event',
    )
    .addOption(
      new Option(
        '--signature <scheme>',
        'v1a: Ed25519, the receiver verifies with the public key; v1: HMAC-SHA256 with a secret, shown once',
      )
        .choices(SIGNATURES)
        .default('v1a'),
    )
    .addOption(
      new Option(
        '--payload-form <form>',
        'cloudevents-json (default): each event as a CloudEvent; fhir-bundle: as a FHIR R4 notification Bundle',
      ).choices(PAYLOAD_FORMS),
    )
    .option('--secret-out <path>', 'with --signature v1: a new file (mode 0600) the secret is written to')
    .action(
      async (options: {
        url: string;
        event?: string[];
        signature: Signature;
        payloadForm?: string;
        secretOut?: string;
      }) => {
        secretOutFits(options.signature, options.secretOut);
        const made = await keepingSecret(options.secretOut, async () => {
          return (await call('POST', '/webhook-subscriptions', {
            url: options.url,
            signature: options.signature,
            ...(options.event !== undefined && { events: options.event }),
            ...(options.payloadForm !== undefined && { payloadForm: options.payloadForm }),
          })) as SubscriptionWithSecret;
        });
        if (json()) return print(made);
        process.stdout.write(`subscribed ${made.url}\n`);
        describe(made);
      },
    );

  webhooks
    .command('list')
    .description("the RSJ's webhook subscriptions, their status and last sequence number")
    .action(async () => {
      const { subscriptions } = (await call('GET', '/webhook-subscriptions')) as { subscriptions: Subscription[] };
      if (json()) return print({ subscriptions });
      if (subscriptions.length === 0) return void process.stdout.write('no webhook subscriptions\n');
      for (const s of subscriptions) {
        process.stdout.write(
          `${s.id}  ${statusOf(s).padEnd(18)}  ${s.signature.padEnd(3)}  last ${String(s.lastSequence).padEnd(6)}  ${s.url}\n`,
        );
      }
    });

  webhooks
    .command('show')
    .description('one webhook subscription: its events, signature and key, status (never a secret)')
    .argument('<id>', 'the subscription (an id from `list`)')
    .action(async (id: string) => {
      const subscription = (await call('GET', at(id))) as Subscription;
      if (json()) return print(subscription);
      describe(subscription);
    });

  webhooks
    .command('attempts')
    .description('the attempts to deliver to a subscription, newest first: when, the answer, how long')
    .argument('<id>', 'the subscription')
    .option('--limit <n>', 'at most this many (1–1000, default 100)', integerAtLeast(1))
    .option('--before <attemptId>', 'only the attempts before this attempt id', integerAtLeast(1))
    .action(async (id: string, options: { limit?: number; before?: number }) => {
      const query = new URLSearchParams({
        ...(options.limit !== undefined && { limit: String(options.limit) }),
        ...(options.before !== undefined && { before: String(options.before) }),
      }).toString();
      const { attempts } = (await call('GET', `${at(id)}/attempts${query ? `?${query}` : ''}`)) as {
        attempts: Attempt[];
      };
      if (json()) return print({ attempts });
      if (attempts.length === 0) return void process.stdout.write('no attempts yet\n');
      for (const a of attempts) {
        const what = a.sequence === 0 ? 'no event'.padEnd(12) : `#${a.sequence} try ${a.attempt}`.padEnd(12);
        const answer = a.statusCode !== null ? String(a.statusCode) : (a.error ?? '-');
        process.stdout.write(
          `${a.at}  ${what}  ${answer.padEnd(18)}  ${`${a.latencyMs} ms`.padStart(8)}  ${a.outcome.padEnd(9)}  ${a.eventId ?? ''}\n`,
        );
      }
    });

  for (const [name, status, description] of [
    [
      'enable',
      'active',
      'enable a subscription again (also one disabled by a 410 or spent retries): what waited is sent',
    ],
    ['disable', 'disabled', 'hold deliveries to a subscription (nothing is dropped: they wait until it is enabled)'],
  ] as const) {
    webhooks
      .command(name)
      .description(description)
      .argument('<id>', 'the subscription')
      .action(async (id: string) => {
        const changed = (await call('POST', `${at(id)}/status`, { status })) as Subscription;
        if (json()) return print(changed);
        process.stdout.write(
          status === 'active'
            ? `${changed.id}: active; what waited is sent, oldest first\n`
            : `${changed.id}: ${statusOf(changed)}; deliveries wait until it is enabled again\n`,
        );
      });
  }

  webhooks
    .command('rotate-key')
    .description(
      'a new signing key; the previous one signs beside it for the overlap, so the receiver switches when it likes',
    )
    .argument('<id>', 'the subscription')
    .option('--overlap-hours <n>', 'how long the previous key signs too (0–168, default 24)', integerAtLeast(0))
    .option('--secret-out <path>', 'for a v1 subscription: a new file (mode 0600) the new secret is written to')
    .action(async (id: string, options: { overlapHours?: number; secretOut?: string }) => {
      // Asked first, so that a v1 rotation without a file for its secret is stopped before it makes one.
      const { signature } = (await call('GET', at(id))) as Subscription;
      secretOutFits(signature, options.secretOut);
      const rotated = await keepingSecret(
        options.secretOut,
        async () =>
          (await call('POST', `${at(id)}/rotate-key`, {
            ...(options.overlapHours !== undefined && { overlapHours: options.overlapHours }),
          })) as SubscriptionWithSecret,
      );
      if (json()) return print(rotated);
      process.stdout.write(`rotated the key of ${rotated.id}: generation ${rotated.keyGeneration}\n`);
      describe(rotated);
    });

  webhooks
    .command('redeliver')
    .description(
      'send delivered events again, numbers and webhook-ids unchanged: for a receiver that lost them (as far back as deliveries are kept)',
    )
    .argument('<id>', 'the subscription')
    .option('--from-sequence <n>', 'from this sequence number, inclusive', integerAtLeast(1))
    .option('--to-sequence <n>', 'up to this sequence number, inclusive', integerAtLeast(1))
    .option('--since <time>', 'the events enqueued at or after this time (ISO 8601 with offset)')
    .option('--until <time>', 'the events enqueued at or before this time')
    .action(
      async (id: string, options: { fromSequence?: number; toSequence?: number; since?: string; until?: string }) => {
        const selection = {
          ...(options.fromSequence !== undefined && { fromSequence: options.fromSequence }),
          ...(options.toSequence !== undefined && { toSequence: options.toSequence }),
          ...(options.since !== undefined && { since: options.since }),
          ...(options.until !== undefined && { until: options.until }),
        };
        // The service takes no range as every event it keeps: asked for by name, not by a forgotten option.
        if (Object.keys(selection).length === 0) {
          throw new UsageError(
            'which events? --from-sequence, --to-sequence, --since or --until (--from-sequence 1: every one kept)',
          );
        }
        const answer = (await call('POST', `${at(id)}/redeliver`, selection)) as { redelivered: number };
        if (json()) return print(answer);
        process.stdout.write(`${id}: ${answer.redelivered} delivered event(s) queued to be sent again\n`);
      },
    );
}

/**
 * A `v1` secret is answered once and never again (the service keeps no copy it could show), so
 * the command that makes one must have somewhere to put it; a `v1a` subscription shares none.
 */
function secretOutFits(signature: Signature, secretOut: string | undefined): void {
  if (signature === 'v1' && secretOut === undefined) {
    throw new UsageError(
      'a v1 secret is shown once and is not printed: --secret-out <path> names the new file (mode 0600) it is written to',
    );
  }
  if (signature === 'v1a' && secretOut !== undefined) {
    throw new UsageError(
      '--secret-out is for v1 only: a v1a subscription shares no secret (its receiver uses the public key)',
    );
  }
}

/**
 * Calls `make` with the secret's file made first, new and 0600: a path that cannot take the
 * secret is told before the service makes one that would then be lost. The answer comes back
 * without the secret, and with where it was written.
 */
async function keepingSecret(path: string | undefined, make: () => Promise<SubscriptionWithSecret>): Promise<Shown> {
  if (path === undefined) {
    // A v1 call never comes here (secretOutFits); were a secret answered anyway, it is still not printed.
    const { secret, ...shown } = await make();
    return shown;
  }
  let file: FileHandle;
  try {
    // Never over an existing file: it may hold the secret the receiver still verifies with.
    file = await open(path, 'wx', 0o600);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? 'exists already (a secret is never written over a file)'
        : (error as Error).message;
    throw new UsageError(`--secret-out ${path}: ${reason}`);
  }
  let written = false;
  try {
    const { secret, ...shown } = await make();
    if (secret === undefined) return shown;
    await file.writeFile(`${secret}\n`).catch((error: unknown) => {
      throw new Error(
        `the secret could not be written to ${path} (${(error as Error).message}); rotate the key for a new one`,
      );
    });
    written = true;
    return { ...shown, secretFile: path };
  } finally {
    await file.close();
    if (!written) await rm(path, { force: true });
  }
}

const statusOf = (s: Subscription): string => (s.statusReason ? `${s.status} (${s.statusReason})` : s.status);

function describe(s: Shown): void {
  const overlapping = s.previousKeyUntil !== null && new Date(s.previousKeyUntil) > new Date();
  const lines: [string, string][] = [
    ['id', s.id],
    ['url', s.url],
    ['events', s.events.length > 0 ? s.events.join(', ') : 'every referral event the RSJ may see'],
    ['form', s.fhirContent ? `${s.payloadForm} (${s.fhirContent})` : s.payloadForm],
    [
      'signature',
      s.signature === 'v1a' ? `v1a (Ed25519), public key ${s.publicKey ?? '-'}` : 'v1 (HMAC-SHA256 with its secret)',
    ],
    [
      'key',
      `generation ${s.keyGeneration}` +
        (overlapping
          ? `; the previous one signs beside it until ${s.previousKeyUntil}` +
            (s.previousPublicKey ? ` (public key ${s.previousPublicKey})` : '')
          : ''),
    ],
    [
      'status',
      `${statusOf(s)} since ${s.statusChangedAt}` + (s.handshakePending ? '; events wait for its handshake' : ''),
    ],
    ['last event', `sequence ${s.lastSequence}`],
    ['created', s.createdAt],
  ];
  if (s.secretFile !== undefined) lines.push(['secret', `written to ${s.secretFile} (0600); it is not shown again`]);
  for (const [name, value] of lines) process.stdout.write(`${`${name}:`.padEnd(12)}${value}\n`);
}

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
