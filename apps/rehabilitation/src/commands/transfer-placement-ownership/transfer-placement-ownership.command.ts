import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { TransferPlacementOwnership } from '../../domain/placement/placement.commands';

/** Only a reaction issues it: intake accepted the case's transfer to another office. */
export class TransferPlacementOwnershipCommand extends Command<WriteResult> {
  constructor(
    readonly command: TransferPlacementOwnership,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
