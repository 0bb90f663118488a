import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertCaseOwnedHere } from '@lintas/commands/case-ownership';
import { StreamWriter, writeResult, type StreamTransaction } from '@lintas/commands/stream-writer';
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
      if (cause.kind === 'request') assertCaseOwnedHere(await this.owningOffices(tx, command.caseId), cause);
      const requested = await tx.handle(referralStream, command.referralId, command, cause);
      await this.index.record(tx.client, command);
      return writeResult(requested);
    });
  }

  /** The offices owning the case's referrals here. */
  private async owningOffices(tx: StreamTransaction, caseId: string): Promise<Set<string>> {
    const offices = new Set<string>();
    for (const referralId of await this.index.ofCase(tx.client, caseId)) {
      const referral = (await tx.load(referralStream, referralId)).state;
      if (referral.status !== 'none') offices.add(referral.officeId);
    }
    return offices;
  }
}
