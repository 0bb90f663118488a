import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { referralStream } from '../../domain/referral/referral.stream';
import { MoveReferralToOfficeCommand } from './move-referral-to-office.command';

@CommandHandler(MoveReferralToOfficeCommand)
export class MoveReferralToOfficeHandler implements ICommandHandler<MoveReferralToOfficeCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: MoveReferralToOfficeCommand): Promise<WriteResult> {
    return this.streams.write(referralStream, command.referralId, command, cause);
  }
}
