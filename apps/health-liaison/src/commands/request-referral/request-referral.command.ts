import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RequestReferral } from '../../domain/referral/referral.commands';

export class RequestReferralCommand extends Command<WriteResult> {
  constructor(
    readonly command: RequestReferral,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
