import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PatientDischargedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor, rsjActor } from '../../application/command-context';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';

/**
 * A discharge that names a placement ends a relapse: back to the panti if the RSJ recommends it,
 * else the placement ends (the family or outpatient care take over, as health-liaison tells them).
 * A discharge recommending a panti without a placement is a new placement request.
 */
@Injectable()
export class OnPatientDischarged implements Reaction<PatientDischargedV1> {
  readonly contract = PatientDischargedV1;
  private readonly writer: RehabilitationWriter;

  constructor(@Inject(EventStore) store: EventStore) {
    this.writer = new RehabilitationWriter(store);
  }

  async handle(event: Received<PatientDischargedV1>, within: PoolClient): Promise<void> {
    const { returnToPlacementId, recommendation, pantiId, referralId, rsjId, caseId, personId, officeId } = event.data;
    const at = event.data.dischargedAt;
    if (returnToPlacementId && recommendation === 'panti') {
      await this.writer.react(
        { type: 'ResumePlacement', placementId: returnToPlacementId, rsjId, referralId, actor: rsjActor(rsjId), at },
        event,
        within,
      );
      return;
    }
    if (returnToPlacementId) {
      await this.writer.react(
        {
          type: 'TerminateRehabilitation',
          placementId: returnToPlacementId,
          reason: 'transferred',
          recommendations: null,
          actor: officeActor(officeId),
          at,
        },
        event,
        within,
      );
      return;
    }
    if (recommendation !== 'panti') return;
    if (!pantiId) throw new PermanentError('a discharge to a panti names no pantiId');
    await this.writer.react(
      {
        type: 'RequestPlacement',
        placementId: deterministicUuid(`placement:${event.id}`),
        caseId,
        personId,
        pantiId,
        kind: 'rehabilitation',
        cluster: null,
        reason: null,
        actor: officeActor(officeId),
        at,
      },
      event,
      within,
    );
  }
}
