import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { DeclineReferral } from '../../domain/referral/referral.commands';

export class DeclineReferralCommand extends Command<WriteResult> {
  constructor(
    readonly command: DeclineReferral,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
