import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordAbsconding } from '../../domain/case/case.commands';

export class RecordAbscondingCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordAbsconding,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
