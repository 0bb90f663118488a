import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordFamilyDeclinedReturn } from '../../domain/reunification/reunification.commands';

export class RecordFamilyDeclinedReturnCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordFamilyDeclinedReturn,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
