import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { DeclinePlacement } from '../../domain/occupancy/occupancy.commands';

export class DeclinePlacementCommand extends Command<WriteResult> {
  constructor(
    readonly command: DeclinePlacement,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
