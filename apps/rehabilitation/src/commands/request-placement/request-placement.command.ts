import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RequestPlacement } from '../../domain/occupancy/occupancy.commands';

export class RequestPlacementCommand extends Command<WriteResult> {
  constructor(
    readonly command: RequestPlacement,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
