import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReportRelapse } from '../../domain/reunification/reunification.commands';

export class ReportRelapseCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReportRelapse,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
