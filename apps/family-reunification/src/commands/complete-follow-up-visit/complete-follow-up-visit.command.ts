import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CompleteFollowUpVisit } from '../../domain/reunification/reunification.commands';

export class CompleteFollowUpVisitCommand extends Command<WriteResult> {
  constructor(
    readonly command: CompleteFollowUpVisit,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
