import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { RecordPersonDeath } from '../../domain/reunification/reunification.commands';

/** From health-liaison's PersonDied: each reunification of the case records the death. */
export class RecordPersonDeathCommand extends Command<void> {
  constructor(
    readonly caseId: string,
    /** The command each reunification of the case is given. */
    readonly command: Omit<RecordPersonDeath, 'reunificationId'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
