import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { officeOnBehalf } from '../../application/office-on-behalf';
import { ReferralIndex } from '../../application/referral-index';
import { MoveReferralToOfficeCommand } from '../../commands/move-referral-to-office/move-referral-to-office.command';
import { isOpen } from '../../domain/referral/referral.state';
import { referralStream } from '../../domain/referral/referral.stream';

/**
 * Intake moved the case to another office (usually that of the region of origin): its open
 * referrals follow it, so the new office may act on them and the old one no longer sees them.
 * Closed and ended referrals stay with the office that handled them. A redelivery finds them
 * already moved, which the rules answer with nothing new.
 */
@ReactsTo(CaseTransferAcceptedV1)
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(ReferralIndex) private readonly index: ReferralIndex,
  ) {}

  async handle(event: Received<CaseTransferAcceptedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, fromOfficeId, toOfficeId } = event.data;
    for (const referralId of await this.index.ofCase(transaction, caseId)) {
      if (!isOpen((await this.streams.load(referralStream, referralId)).state)) continue;
      await this.commands.execute(
        new MoveReferralToOfficeCommand(
          {
            type: 'MoveReferralToOffice',
            referralId,
            actor: officeOnBehalf(toOfficeId),
            at: event.time,
            fromOfficeId,
          },
          byEvent(event),
        ),
      );
    }
  }
}
