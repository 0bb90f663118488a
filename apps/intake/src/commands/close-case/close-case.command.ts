import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CloseCase } from '../../domain/case/case.commands';

export class CloseCaseCommand extends Command<WriteResult> {
  constructor(
    readonly command: CloseCase,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
