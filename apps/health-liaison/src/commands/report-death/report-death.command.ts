import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReportDeath } from '../../domain/referral/referral.commands';

export class ReportDeathCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReportDeath,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
