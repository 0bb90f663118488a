import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { WithdrawPlacementRequest } from '../../domain/occupancy/occupancy.commands';

export class WithdrawPlacementRequestCommand extends Command<WriteResult> {
  constructor(
    readonly command: WithdrawPlacementRequest,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
