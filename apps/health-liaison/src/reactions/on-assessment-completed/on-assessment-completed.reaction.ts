import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { GUARANTEE_UNTIL_RECORDED, officeOnBehalf } from '../../application/office-on-behalf';
import { ReferralWriter } from '../../application/referral-writer';

/** Intake assessed the person as needing an RSJ: the referral is requested for the owning office. */
@Injectable()
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  readonly contract = AssessmentCompletedV1;

  private readonly referrals: ReferralWriter;

  // Reactions are built inside MessagingModule, which sees only global providers (the store):
  // the writer is made here rather than injected.
  constructor(@Inject(EventStore) store: EventStore) {
    this.referrals = new ReferralWriter(store);
  }

  async handle(event: Received<AssessmentCompletedV1>, transaction: PoolClient): Promise<void> {
    const { decision, rsjId, caseId, personId, officeId } = event.data;
    if (decision !== 'rsj') return;
    if (!rsjId) throw new PermanentError('an assessment that decides for an RSJ names no RSJ');
    await this.referrals.react(
      {
        type: 'RequestReferral',
        // From the event's id: the same assessment, however often delivered, makes one referral.
        referralId: deterministicUuid(`referral:${event.id}`),
        actor: officeOnBehalf(officeId),
        at: event.time,
        caseId,
        personId,
        rsjId,
        urgency: 'routine',
        guarantee: GUARANTEE_UNTIL_RECORDED,
      },
      event,
      transaction,
    );
  }
}
