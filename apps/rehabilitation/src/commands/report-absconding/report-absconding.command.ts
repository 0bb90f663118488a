import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReportAbsconding } from '../../domain/placement/placement.commands';

export class ReportAbscondingCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReportAbsconding,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
