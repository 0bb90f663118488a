import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { SendReferralLetter } from '../../domain/referral/referral.commands';

export class SendReferralLetterCommand extends Command<WriteResult> {
  constructor(
    readonly command: SendReferralLetter,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
