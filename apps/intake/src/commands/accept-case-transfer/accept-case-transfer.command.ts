import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AcceptCaseTransfer } from '../../domain/case/case.commands';

export class AcceptCaseTransferCommand extends Command<WriteResult> {
  constructor(
    readonly command: AcceptCaseTransfer,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
