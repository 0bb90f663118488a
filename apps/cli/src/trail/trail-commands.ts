import { createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { verifyBundle, type BundleVerification } from '@lintas/evidence/bundle';
import type { AdminClient } from '../admin-client';
import { EXIT, UsageError } from '../exit-codes';

interface TrailStep {
  occurredAt: string;
  stage: string;
  type: string;
  actor: { agencyId: string | null };
  personId: string;
}

/**
 * `lintas trail …`: a person's path from the audit service's ledger, their evidence bundle, and the
 * offline check of a bundle (no server, no database: what an inspector runs on a file).
 */
export function trailCommands(
  program: Command,
  admin: () => Promise<AdminClient>,
  auditUrl: () => string,
  json: () => boolean,
): void {
  program
    .command('state-at')
    .description('where a person stood at a time (or ledger position): stage, last step, agency, since')
    .argument('<personId>', 'the person (a UUID)')
    .requiredOption('--as-of <time|position>', 'e.g. 2026-12-01T00:00:00+07:00, or a ledger position such as 1234.0')
    .action(async (personId: string, options: { asOf: string }) => {
      const answer = (await (
        await admin()
      ).callAt(
        auditUrl(),
        'GET',
        `/persons/${encodeURIComponent(personId)}/trail?asOf=${encodeURIComponent(options.asOf)}`,
      )) as {
        standing: { stage: string; lastStep: string; agencyId: string | null; since: string } | null;
        steps: unknown[];
      };
      if (json()) return print({ asOf: options.asOf, standing: answer.standing, steps: answer.steps.length });
      if (!answer.standing) return void process.stdout.write(`no step recorded by ${options.asOf}\n`);
      const { stage, lastStep, agencyId, since } = answer.standing;
      process.stdout.write(
        `as of ${options.asOf}: ${stage}, last step ${lastStep} by ${agencyId ?? '-'} at ${since} (${answer.steps.length} steps)\n`,
      );
    });

  const trail = program
    .command('trail')
    .description("a person's path across agencies, from the ledger")
    .argument('<personId>', 'the person (a UUID)')
    .option('--as-of <time>', 'as it stood at that time (ISO 8601, e.g. 2026-12-01T00:00:00+07:00)')
    .action(async (personId: string, options: { asOf?: string }) => {
      const query = options.asOf ? `?asOf=${encodeURIComponent(options.asOf)}` : '';
      const answer = (await (
        await admin()
      ).callAt(auditUrl(), 'GET', `/persons/${encodeURIComponent(personId)}/trail${query}`)) as {
        steps: TrailStep[];
        persons: string[];
      };
      if (json()) return print(answer);
      process.stdout.write(`persons: ${answer.persons.join(', ')}\n`);
      for (const step of answer.steps) {
        process.stdout.write(
          `${step.occurredAt}  ${step.stage.padEnd(13)}  ${(step.actor.agencyId ?? '-').padEnd(26)}  ${step.type}\n`,
        );
      }
    });

  trail
    .command('export')
    .description("write the person's evidence bundle: entries, inclusion proofs, signed checkpoint, public key")
    .argument('<personId>', 'the person (a UUID)')
    .option('-o, --output <file>', 'where to write it (default: <personId>.evidence.json)')
    .action(async (personId: string, options: { output?: string }) => {
      const bundle = (await (
        await admin()
      ).callAt(auditUrl(), 'GET', `/persons/${encodeURIComponent(personId)}/evidence-bundle`)) as {
        entries: unknown[];
        checkpoint: { checkpoint: { treeSize: number; rootHash: string } };
      };
      const file = options.output ?? `${personId}.evidence.json`;
      await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
      const summary = {
        file,
        entries: bundle.entries.length,
        treeSize: bundle.checkpoint.checkpoint.treeSize,
        rootHash: bundle.checkpoint.checkpoint.rootHash,
      };
      if (json()) return print(summary);
      process.stdout.write(
        `wrote ${file}: ${summary.entries} entries, checkpoint at tree size ${summary.treeSize} (root ${summary.rootHash})\n`,
      );
    });

  trail
    .command('verify-bundle')
    .description('check an evidence bundle offline; exit 0 if it holds, 1 if not (naming what fails)')
    .argument('<file>', 'a bundle written by `lintas trail export`')
    .option(
      '--public-key <file>',
      "the ledger's public key as you hold it (a JWK or PEM file): the bundle must be signed by it",
    )
    .action(async (file: string, options: { publicKey?: string }) => {
      const bundle = await readJson(file);
      const trustedKeys = options.publicKey ? [await readPublicKey(options.publicKey)] : undefined;
      const result = verifyBundle(bundle, trustedKeys ? { trustedKeys } : undefined);
      if (json()) print(result);
      else describe(result);
      process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
    });
}

function describe(result: BundleVerification): void {
  if (result.ok) {
    process.stdout.write(
      `OK: ${result.entriesChecked} entries are in the ledger's tree of ${result.treeSize} (root ${result.rootHash}), ` +
        `signed by key ${result.keyId}\n`,
    );
    return;
  }
  process.stdout.write(`FAILED: ${result.failures.length} problem(s)\n`);
  for (const failure of result.failures) {
    const where = [
      failure.index !== undefined && `leaf ${failure.index}`,
      failure.eventId && `event ${failure.eventId}`,
    ]
      .filter(Boolean)
      .join(', ');
    process.stdout.write(`  ${failure.kind}${where ? ` (${where})` : ''}: ${failure.detail}\n`);
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON at all is still a bundle that fails: the verifier says it is malformed.
    return text;
  }
}

async function readPublicKey(file: string) {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  });
  try {
    return text.trimStart().startsWith('{')
      ? createPublicKey({ key: JSON.parse(text) as import('node:crypto').JsonWebKey, format: 'jwk' })
      : createPublicKey(text);
  } catch (error) {
    throw new UsageError(`${file} is not a public key (JWK or PEM): ${(error as Error).message}`);
  }
}

const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
