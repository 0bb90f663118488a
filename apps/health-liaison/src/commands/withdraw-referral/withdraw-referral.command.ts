import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { WithdrawReferral } from '../../domain/referral/referral.commands';

export class WithdrawReferralCommand extends Command<WriteResult> {
  constructor(
    readonly command: WithdrawReferral,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
