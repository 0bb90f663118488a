import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { LongTermPlacementArrangedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor } from '../../application/command-context';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';

/** No family can take the person: a long-term placement request to the panti arranged. */
@Injectable()
export class OnLongTermPlacementArranged implements Reaction<LongTermPlacementArrangedV1> {
  readonly contract = LongTermPlacementArrangedV1;
  private readonly writer: RehabilitationWriter;

  constructor(@Inject(EventStore) store: EventStore) {
    this.writer = new RehabilitationWriter(store);
  }

  async handle(event: Received<LongTermPlacementArrangedV1>, within: PoolClient): Promise<void> {
    const { caseId, personId, pantiId, officeId } = event.data;
    await this.writer.react(
      {
        type: 'RequestPlacement',
        placementId: deterministicUuid(`placement:${event.id}`),
        caseId,
        personId,
        pantiId,
        kind: 'long-term',
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
