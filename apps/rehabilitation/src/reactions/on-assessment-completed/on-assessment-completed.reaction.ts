import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor } from '../../application/command-context';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';

/** The office assessed the person for a panti: the placement request goes to that panti. */
@Injectable()
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  readonly contract = AssessmentCompletedV1;
  private readonly writer: RehabilitationWriter;

  constructor(@Inject(EventStore) store: EventStore) {
    this.writer = new RehabilitationWriter(store);
  }

  async handle(event: Received<AssessmentCompletedV1>, within: PoolClient): Promise<void> {
    const { decision, pantiId, caseId, personId, officeId } = event.data;
    if (decision !== 'panti') return;
    if (!pantiId) throw new PermanentError('an assessment for a panti names no pantiId');
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
        at: event.time,
      },
      event,
      within,
    );
  }
}
