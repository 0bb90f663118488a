import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CloseComplaint } from '../../domain/complaint/complaint.commands';

export class CloseComplaintCommand extends Command<WriteResult> {
  constructor(
    readonly command: CloseComplaint,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
