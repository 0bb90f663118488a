import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { DeclineCaseTransfer } from '../../domain/case/case.commands';

export class DeclineCaseTransferCommand extends Command<WriteResult> {
  constructor(
    readonly command: DeclineCaseTransfer,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
