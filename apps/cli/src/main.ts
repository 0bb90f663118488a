/**
 * `lintas`: the admin command line (`npx lintas <command>`). It calls the identity app's and the
 * services' admin APIs as any admin client would, with a token of its own by client credentials:
 * nothing here reaches into a database. `webhooks` and `feed` are an RSJ's own, called with its
 * client's token instead (no admin scope). A refusal goes to stderr as its problem's detail. Exit
 * codes (exit-codes.ts): 0 fine, 1 failed (a verification, or a refusal), 2 wrong use.
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { AGENCY_KINDS } from '@lintas/platform/http/agency/agency-token';
import { AdminClient, AdminRefusal, type ClientOptions } from './admin-client';
import { EXIT, UsageError } from './exit-codes';
import { deadLetterCommands } from './dead-letters/dead-letters-commands';
import { eraseCommand } from './erase/erase-command';
import { feedCommands } from './feed/feed-commands';
import { indicatorsCommands } from './indicators/indicators-commands';
import { rebuildCommands } from './rebuild/rebuild-command';
import { rowsAtCommand } from './rows-at/rows-at-command';
import { redeliverCommand } from './redeliver/redeliver-command';
import { trailCommands } from './trail/trail-commands';
import { verifyCommand } from './verify/verify-command';
import { webhooksCommands } from './webhooks/webhooks-commands';
import { SERVICE_PORTS } from './service-option';

const program = new Command('lintas')
  .description('Lintas administration: the agency register, trails and evidence, verification')
  .addOption(
    new Option('--audit <url>', 'the audit service (the ledger)')
      .env('LINTAS_AUDIT_URL')
      .default('http://127.0.0.1:3005'),
  )
  .addOption(
    new Option('--health-liaison <url>', "the health-liaison service (an RSJ's webhooks and referral feed)")
      .env('LINTAS_HEALTH_LIAISON_URL')
      .default(`http://127.0.0.1:${SERVICE_PORTS['health-liaison']}`),
  )
  .option('--json', 'machine-readable output')
  .addOption(
    new Option('--identity <url>', 'the identity app (OpenID issuer) to administer')
      .env('LINTAS_IDENTITY_URL')
      .default('http://127.0.0.1:4000'),
  )
  .addOption(
    new Option('--client-id <id>', "the admin's client id (an RSJ's, for webhooks and feed)").env('LINTAS_CLIENT_ID'),
  )
  .addOption(
    new Option('--client-secret-file <path>', "a file holding the client's secret (kept out of the shell history)").env(
      'LINTAS_CLIENT_SECRET_FILE',
    ),
  )
  .showHelpAfterError()
  // Commander's own wrong-use errors end here with exit code 2, not its default 1.
  .exitOverride();

async function client(who: string, options: ClientOptions = {}): Promise<AdminClient> {
  const { identity, clientId, clientSecretFile } = program.opts<{
    identity: string;
    clientId?: string;
    clientSecretFile?: string;
  }>();
  if (!clientId || !clientSecretFile) {
    return program.error(
      `${who} is needed: --client-id and --client-secret-file (or LINTAS_CLIENT_ID, LINTAS_CLIENT_SECRET_FILE)`,
    );
  }
  const secret = (await readFile(clientSecretFile, 'utf8')).trim();
  return new AdminClient(identity, clientId, secret, options);
}

const admin = (): Promise<AdminClient> => client('an admin client');
// An agency client asks for no scope (its kind decides what it may do), and may not ask for lintas.admin.
const rsj = (): Promise<AdminClient> => client("an RSJ's client", { scopes: [] });

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const agencies = program.command('agencies').description('agencies in the register');
agencies
  .command('list')
  .description('every registered agency')
  .action(async () => print(await (await admin()).call('GET', '/admin/agencies')));
agencies
  .command('show <id>')
  .description('an agency and its clients (never a secret)')
  .action(async (id: string) => print(await (await admin()).call('GET', `/admin/agencies/${encodeURIComponent(id)}`)));
agencies
  .command('register')
  .description('register an agency')
  .requiredOption('--id <id>', 'e.g. rsj-menur')
  .addOption(new Option('--kind <kind>').choices(AGENCY_KINDS).makeOptionMandatory())
  .requiredOption('--name <name>', 'e.g. "RSJ Menur Surabaya"')
  .requiredOption('--region <code>', 'kab/kota (4 digits) or province (2 digits), e.g. 3578')
  .option('--parent <id>', 'the office it belongs to (a provincial office for its UPT)')
  .action(async (options: { id: string; kind: string; name: string; region: string; parent?: string }) =>
    print(
      await (
        await admin()
      ).call('POST', '/admin/agencies', {
        id: options.id,
        kind: options.kind,
        name: options.name,
        regionCode: options.region,
        ...(options.parent && { parentId: options.parent }),
      }),
    ),
  );

const clients = program.command('clients').description("agencies' clients (their systems)");
clients
  .command('register <agencyId>')
  .description('register a client of the agency; prints its secret once (unless it signs with its own keys)')
  .option('--client-id <id>', 'a client id of your choice (else <agencyId>-<n>)')
  .option('--public-keys <file>', 'a JSON array (or {"keys": [...]}) of public JWKs: private_key_jwt, no secret')
  .option('--scope <scope...>', 'scopes beyond the agency kind (lintas.admin, for an admin agency only)')
  .action(async (agencyId: string, options: { clientId?: string; publicKeys?: string; scope?: string[] }) => {
    const keys = options.publicKeys ? (JSON.parse(await readFile(options.publicKeys, 'utf8')) as unknown) : undefined;
    print(
      await (
        await admin()
      ).call('POST', `/admin/agencies/${encodeURIComponent(agencyId)}/clients`, {
        ...(options.clientId && { clientId: options.clientId }),
        ...(keys !== undefined && { publicKeys: Array.isArray(keys) ? keys : (keys as { keys?: unknown }).keys }),
        ...(options.scope && { scopes: options.scope }),
      }),
    );
  });
clients
  .command('rotate-secret <clientId>')
  .description('a new secret, printed once; the old one works on for the overlap')
  .option('--overlap-seconds <n>', 'how long the old secret keeps working (default: a day; 0 ends it now)', (value) =>
    Number.parseInt(value, 10),
  )
  .action(async (clientId: string, options: { overlapSeconds?: number }) =>
    print(
      await (
        await admin()
      ).call('POST', `/admin/clients/${encodeURIComponent(clientId)}/secret`, {
        ...(options.overlapSeconds !== undefined && { overlapSeconds: options.overlapSeconds }),
      }),
    ),
  );
clients
  .command('revoke <clientId>')
  .description('end a client: no new token, and its tokens still alive are refused')
  .requiredOption('--reason <reason>', 'why, for the record')
  .action(async (clientId: string, options: { reason: string }) =>
    print(
      await (
        await admin()
      ).call('POST', `/admin/clients/${encodeURIComponent(clientId)}/revocation`, {
        reason: options.reason,
      }),
    ),
  );

program
  .command('register-changes')
  .description("the register's record of changes, oldest first")
  .option('--after <position>', 'only changes after this position', '0')
  .action(async (options: { after: string }) =>
    print(await (await admin()).call('GET', `/admin/register-changes?after=${encodeURIComponent(options.after)}`)),
  );

const auditUrl = () => program.opts<{ audit: string }>().audit;
const json = () => program.opts<{ json?: boolean }>().json === true;
trailCommands(program, admin, auditUrl, json);
indicatorsCommands(program, admin, auditUrl, json);
deadLetterCommands(program, admin, json);
redeliverCommand(program, admin, json);
verifyCommand(program, admin, auditUrl, json);
eraseCommand(program, admin, json);
rebuildCommands(program, admin, json);
rowsAtCommand(program, admin, json);
const healthLiaisonUrl = () => program.opts<{ healthLiaison: string }>().healthLiaison;
webhooksCommands(program, rsj, healthLiaisonUrl, json);
feedCommands(program, rsj, healthLiaisonUrl, json);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Help and version end "with an error" too, whose exit code is 0.
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  const message = error instanceof AdminRefusal || error instanceof UsageError ? error.message : String(error);
  process.stderr.write(`lintas: ${message}\n`);
  process.exit(error instanceof UsageError ? EXIT.usage : EXIT.failed);
});
