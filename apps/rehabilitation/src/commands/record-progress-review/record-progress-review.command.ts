import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordProgressReview } from '../../domain/placement/placement.commands';

export class RecordProgressReviewCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordProgressReview,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
