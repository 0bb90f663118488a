import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { ReferralIndex } from '../../application/referral-index';
import { referralStream } from '../../domain/referral/referral.stream';
import { RequestReferralCommand } from './request-referral.command';

/** The referral and its place in the case's index commit together, so a transfer never misses it. */
@CommandHandler(RequestReferralCommand)
export class RequestReferralHandler implements ICommandHandler<RequestReferralCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(ReferralIndex) private readonly index: ReferralIndex,
  ) {}

  execute({ command, cause }: RequestReferralCommand): Promise<WriteResult> {
    return this.streams.transaction(async (tx) => {
      const requested = await tx.handle(referralStream, command.referralId, command, cause);
      await this.index.record(tx.client, command);
      return writeResult(requested);
    });
  }
}
