import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CompleteHomeVisit } from '../../domain/reunification/reunification.commands';

export class CompleteHomeVisitCommand extends Command<WriteResult> {
  constructor(
    readonly command: CompleteHomeVisit,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
