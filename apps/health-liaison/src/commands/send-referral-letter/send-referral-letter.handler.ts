import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { referralStream } from '../../domain/referral/referral.stream';
import { SendReferralLetterCommand } from './send-referral-letter.command';

@CommandHandler(SendReferralLetterCommand)
export class SendReferralLetterHandler implements ICommandHandler<SendReferralLetterCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: SendReferralLetterCommand): Promise<WriteResult> {
    return this.streams.write(referralStream, command.referralId, command, cause);
  }
}
