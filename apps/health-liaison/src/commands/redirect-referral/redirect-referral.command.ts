import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RedirectReferral } from '../../domain/referral/referral.commands';

export class RedirectReferralCommand extends Command<WriteResult> {
  constructor(
    readonly command: RedirectReferral,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
