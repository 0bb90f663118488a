import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ArrangeLongTermPlacement } from '../../domain/reunification/reunification.commands';

export class ArrangeLongTermPlacementCommand extends Command<WriteResult> {
  constructor(
    readonly command: ArrangeLongTermPlacement,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
