import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { referralStream } from '../../domain/referral/referral.stream';
import { DeclineReferralCommand } from './decline-referral.command';

@CommandHandler(DeclineReferralCommand)
export class DeclineReferralHandler implements ICommandHandler<DeclineReferralCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: DeclineReferralCommand): Promise<WriteResult> {
    return this.streams.write(referralStream, command.referralId, command, cause);
  }
}
