import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { MoveCaseOwnership } from '../../domain/reunification/reunification.commands';

/** From intake's CaseTransferAccepted: each reunification of the case moves to the receiving office. */
export class MoveCaseOwnershipCommand extends Command<void> {
  constructor(
    readonly caseId: string,
    /** The command each reunification of the case is given. */
    readonly command: Omit<MoveCaseOwnership, 'reunificationId'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
