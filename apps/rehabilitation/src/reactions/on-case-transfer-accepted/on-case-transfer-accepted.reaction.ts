import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { officeActor } from '../../application/command-context';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { holdsBed, isPending } from '../../domain/placement/placement.state';

/** The case moved to the office of the region of origin: its open placements follow it; ended ones stay. */
@Injectable()
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  readonly contract = CaseTransferAcceptedV1;
  private readonly writer: RehabilitationWriter;

  constructor(@Inject(EventStore) store: EventStore) {
    this.writer = new RehabilitationWriter(store);
  }

  async handle(event: Received<CaseTransferAcceptedV1>, within: PoolClient): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    for (const placementId of await this.writer.index.ofCase(within, caseId)) {
      const placement = await this.writer.stateOf(placementId, within);
      if (!isPending(placement) && !holdsBed(placement)) continue;
      await this.writer.react(
        { type: 'TransferPlacementOwnership', placementId, toOfficeId, actor: officeActor(toOfficeId), at: event.time },
        event,
        within,
      );
    }
  }
}
