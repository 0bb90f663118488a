import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReviewEmergencyAccess } from '../../domain/emergency-access/emergency-access.decider';

export class ReviewEmergencyAccessCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReviewEmergencyAccess,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
