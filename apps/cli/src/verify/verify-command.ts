import type { Command } from 'commander';
import type { AdminClient } from '../admin-client';
import { EXIT } from '../exit-codes';

interface Outcome {
  subject: string;
  ok: boolean;
  checked: number;
  error?: string;
  breaks: {
    kind: string;
    detail: string;
    streamId?: string;
    position?: string;
    eventId?: string;
    leafIndex?: number;
  }[];
}

/**
 * `lintas verify`: the audit service verifies every service's store (with this admin's token), its
 * own, and the ledger against its signed checkpoints; each outcome is recorded. Exit 1 if anything broke.
 */
export function verifyCommand(
  program: Command,
  admin: () => Promise<AdminClient>,
  auditUrl: () => string,
  json: () => boolean,
): void {
  program
    .command('verify')
    .description("verify every service's store and the ledger; exit 1 naming every broken link")
    .option('--reason <reason>', 'why (kept with the outcome)')
    .action(async (options: { reason?: string }) => {
      const run = (await (
        await admin()
      ).callAt(auditUrl(), 'POST', '/verifications', {
        ...(options.reason && { reason: options.reason }),
      })) as { verificationId: string; ok: boolean; results: Outcome[] };
      if (json()) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
      else {
        for (const result of run.results) {
          const state = result.ok
            ? 'ok'
            : result.error
              ? `could not verify: ${result.error}`
              : `${result.breaks.length} break(s)`;
          process.stdout.write(
            `${result.subject.padEnd(22)} ${String(result.checked).padStart(9)} checked  ${state}\n`,
          );
          for (const broken of result.breaks) {
            const where = [
              broken.streamId,
              broken.position && `position ${broken.position}`,
              broken.eventId && `event ${broken.eventId}`,
              broken.leafIndex !== undefined && `leaf ${broken.leafIndex}`,
            ]
              .filter(Boolean)
              .join(', ');
            process.stdout.write(`  ${broken.kind}${where ? ` (${where})` : ''}: ${broken.detail}\n`);
          }
        }
        process.stdout.write(
          `${run.ok ? 'OK' : 'FAILED'} (verification ${run.verificationId}, recorded in the ledger's store)\n`,
        );
      }
      process.exitCode = run.ok ? EXIT.ok : EXIT.failed;
    });
}
