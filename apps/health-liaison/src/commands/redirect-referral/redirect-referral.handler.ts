import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { ReferralIndex } from '../../application/referral-index';
import { redirectedRequest } from '../../domain/referral/referral.redirect';
import { referralStream } from '../../domain/referral/referral.stream';
import { RedirectReferralCommand } from './redirect-referral.command';

/**
 * Closes the declined referral and opens the new one in one transaction, and answers with the
 * new one. The new referral continues the declined one's journey: the same person (as the first
 * referral recorded them, whatever links came since) and the same correlation.
 */
@CommandHandler(RedirectReferralCommand)
export class RedirectReferralHandler implements ICommandHandler<RedirectReferralCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(ReferralIndex) private readonly index: ReferralIndex,
  ) {}

  execute({ command, cause }: RedirectReferralCommand): Promise<WriteResult> {
    return this.streams.transaction(async (tx) => {
      await tx.lock(referralStream.streamId(command.referralId), referralStream.streamId(command.newReferralId));
      const declined = await tx.handle(referralStream, command.referralId, command, cause);
      const { first } = await tx.load(referralStream, command.referralId);
      const request = redirectedRequest(declined.state, command);
      const opened = await tx.handle(referralStream, request.referralId, request, cause, {
        personId: first?.metadata.personId,
        correlationId: first?.metadata.correlationId,
      });
      await this.index.record(tx.client, request);
      return writeResult(opened);
    });
  }
}
