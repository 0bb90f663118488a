import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { MoveReferralToOffice } from '../../domain/referral/referral.commands';

export class MoveReferralToOfficeCommand extends Command<WriteResult> {
  constructor(
    readonly command: MoveReferralToOffice,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
