import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordFollowUpMissed } from '../../domain/reunification/reunification.commands';

export class RecordFollowUpMissedCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordFollowUpMissed,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
