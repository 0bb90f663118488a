import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { referralStream } from '../../domain/referral/referral.stream';
import { RecordPaymentGuaranteeCommand } from './record-payment-guarantee.command';

@CommandHandler(RecordPaymentGuaranteeCommand)
export class RecordPaymentGuaranteeHandler implements ICommandHandler<RecordPaymentGuaranteeCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: RecordPaymentGuaranteeCommand): Promise<WriteResult> {
    return this.streams.write(referralStream, command.referralId, command, cause);
  }
}
