import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { TransferToRegionOfOrigin } from '../../domain/reunification/reunification.commands';

export class TransferToRegionOfOriginCommand extends Command<WriteResult> {
  constructor(
    readonly command: TransferToRegionOfOrigin,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
