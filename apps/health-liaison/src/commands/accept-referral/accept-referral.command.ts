import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AcceptReferral } from '../../domain/referral/referral.commands';

export class AcceptReferralCommand extends Command<WriteResult> {
  constructor(
    readonly command: AcceptReferral,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
