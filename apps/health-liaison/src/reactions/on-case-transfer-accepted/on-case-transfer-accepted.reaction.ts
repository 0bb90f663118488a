import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { officeOnBehalf } from '../../application/office-on-behalf';
import { ReferralWriter } from '../../application/referral-writer';
import { isOpen } from '../../domain/referral/referral.state';

/**
 * Intake moved the case to another office (usually that of the region of origin): its open
 * referrals follow it, so the new office may act on them and the old one no longer sees them.
 * Closed and ended referrals stay with the office that handled them. A redelivery finds them
 * already moved, which the rules answer with nothing new.
 */
@Injectable()
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  readonly contract = CaseTransferAcceptedV1;

  private readonly referrals: ReferralWriter;

  // Reactions are built inside MessagingModule, which sees only global providers (the store):
  // the writer is made here rather than injected.
  constructor(@Inject(EventStore) store: EventStore) {
    this.referrals = new ReferralWriter(store);
  }

  async handle(event: Received<CaseTransferAcceptedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, fromOfficeId, toOfficeId } = event.data;
    for (const referralId of await this.referrals.index.ofCase(transaction, caseId)) {
      if (!isOpen(await this.referrals.stateOf(referralId, transaction))) continue;
      await this.referrals.react(
        {
          type: 'MoveReferralToOffice',
          referralId,
          actor: officeOnBehalf(toOfficeId),
          at: event.time,
          fromOfficeId,
        },
        event,
        transaction,
      );
    }
  }
}
