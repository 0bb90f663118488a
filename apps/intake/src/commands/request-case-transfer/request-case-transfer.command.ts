import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RequestCaseTransfer } from '../../domain/case/case.commands';

export class RequestCaseTransferCommand extends Command<WriteResult> {
  constructor(
    readonly command: RequestCaseTransfer,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
