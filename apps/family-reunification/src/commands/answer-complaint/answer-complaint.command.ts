import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AnswerComplaint } from '../../domain/complaint/complaint.commands';

export class AnswerComplaintCommand extends Command<WriteResult> {
  constructor(
    readonly command: AnswerComplaint,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
