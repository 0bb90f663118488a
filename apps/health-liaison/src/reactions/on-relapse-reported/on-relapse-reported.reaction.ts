import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { RelapseReportedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { GUARANTEE_UNTIL_RECORDED, officeOnBehalf } from '../../application/office-on-behalf';
import { ReferralWriter } from '../../application/referral-writer';

/**
 * A panti resident relapsed (kambuh): the owning office refers them to the RSJ the panti named,
 * and the discharge will send them back to their placement.
 */
@Injectable()
export class OnRelapseReported implements Reaction<RelapseReportedV1> {
  readonly contract = RelapseReportedV1;

  private readonly referrals: ReferralWriter;

  // Reactions are built inside MessagingModule, which sees only global providers (the store):
  // the writer is made here rather than injected.
  constructor(@Inject(EventStore) store: EventStore) {
    this.referrals = new ReferralWriter(store);
  }

  async handle(event: Received<RelapseReportedV1>, transaction: PoolClient): Promise<void> {
    const { placementId, caseId, personId, officeId, rsjId, at } = event.data;
    await this.referrals.react(
      {
        type: 'RequestReferral',
        referralId: deterministicUuid(`referral:${event.id}`),
        actor: officeOnBehalf(officeId),
        at,
        caseId,
        personId,
        rsjId,
        // A relapse is seen by the panti while it happens: it does not wait in the routine queue.
        urgency: 'urgent',
        guarantee: GUARANTEE_UNTIL_RECORDED,
        returnToPlacementId: placementId,
      },
      event,
      transaction,
    );
  }
}
