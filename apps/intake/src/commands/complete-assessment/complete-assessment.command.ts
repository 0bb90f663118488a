import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CompleteAssessment } from '../../domain/case/case.commands';

export class CompleteAssessmentCommand extends Command<WriteResult> {
  constructor(
    readonly command: CompleteAssessment,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
