import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { EscalateOverdueComplaint } from '../../domain/complaint/complaint.commands';

export class EscalateOverdueComplaintCommand extends Command<WriteResult> {
  constructor(
    readonly command: EscalateOverdueComplaint,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
