import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { referralStream } from '../../domain/referral/referral.stream';
import { WithdrawReferralCommand } from './withdraw-referral.command';

@CommandHandler(WithdrawReferralCommand)
export class WithdrawReferralHandler implements ICommandHandler<WithdrawReferralCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: WithdrawReferralCommand): Promise<WriteResult> {
    return this.streams.write(referralStream, command.referralId, command, cause);
  }
}
