import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { FileComplaint } from '../../domain/complaint/complaint.commands';

export class FileComplaintCommand extends Command<WriteResult> {
  constructor(
    readonly command: FileComplaint,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
