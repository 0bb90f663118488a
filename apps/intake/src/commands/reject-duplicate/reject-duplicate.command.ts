import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RejectDuplicate } from '../../domain/case/case.commands';

export class RejectDuplicateCommand extends Command<WriteResult> {
  constructor(
    readonly command: RejectDuplicate,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
