import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordDeath } from '../../domain/case/case.commands';

export class RecordDeathCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordDeath,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
