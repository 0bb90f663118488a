import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReportPickup } from '../../domain/pickup/pickup.commands';

export class ReportPickupCommand extends Command<WriteResult & { personId: string }> {
  constructor(
    readonly command: ReportPickup,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
