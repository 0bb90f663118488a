import { Option, type Command } from 'commander';
import { ERASURE_GROUNDS } from '@lintas/contracts/intake/intake.contracts';
import type { AdminClient } from '../admin-client';
import { serviceUrl } from '../service-option';

/**
 * `lintas erase <personId>`: an admin erases a person under UU 27/2022 through intake, which tells
 * every service; their personal fields read as erased from then on, the chains still verify.
 */
export function eraseCommand(program: Command, admin: () => Promise<AdminClient>, json: () => boolean): void {
  program
    .command('erase')
    .description("erase a person's personal data everywhere (UU 27/2022); cannot be undone")
    .argument('<personId>', 'the person (a UUID); the records linked with them go too')
    .addOption(
      new Option('--ground <ground>', 'the ground under UU 27/2022').choices(ERASURE_GROUNDS).makeOptionMandatory(),
    )
    .requiredOption('--legal-basis <text>', 'the article or decision it rests on, e.g. "UU 27/2022 Pasal 8"')
    .addOption(new Option('--intake-url <url>').env('LINTAS_INTAKE_URL').hideHelp())
    .action(async (personId: string, options: { ground: string; legalBasis: string; intakeUrl?: string }) => {
      const written = (await (
        await admin()
      ).callAt(
        serviceUrl({ service: 'intake', ...(options.intakeUrl && { intakeUrl: options.intakeUrl }) }),
        'POST',
        `/persons/${encodeURIComponent(personId)}/erasure`,
        { ground: options.ground, legalBasis: options.legalBasis },
      )) as { id: string; position: string };
      if (json()) process.stdout.write(`${JSON.stringify(written, null, 2)}\n`);
      else process.stdout.write(`erased ${personId}: every service destroys its keys as the erasure reaches it\n`);
    });
}
