import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { RecordTransferDeclined } from '../../domain/reunification/reunification.commands';

/** From intake's CaseTransferDeclined: each reunification of the case records that the transfer will not happen. */
export class RecordTransferDeclinedCommand extends Command<void> {
  constructor(
    readonly caseId: string,
    /** The command each reunification of the case is given. */
    readonly command: Omit<RecordTransferDeclined, 'reunificationId'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
