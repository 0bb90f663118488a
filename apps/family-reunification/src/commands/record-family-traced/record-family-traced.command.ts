import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordFamilyTraced } from '../../domain/reunification/reunification.commands';

export class RecordFamilyTracedCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordFamilyTraced,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
