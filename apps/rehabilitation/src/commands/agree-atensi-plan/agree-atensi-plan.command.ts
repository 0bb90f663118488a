import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AgreeAtensiPlan } from '../../domain/placement/placement.commands';

export class AgreeAtensiPlanCommand extends Command<WriteResult> {
  constructor(
    readonly command: AgreeAtensiPlan,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
