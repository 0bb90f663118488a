import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { LINTAS_ACTOR } from '../../application/command-context';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { holdsBed, isPending } from '../../domain/placement/placement.state';

/**
 * Death stops every open flow: a pending request is withdrawn, a residency terminated, and the
 * bed or queue place goes to the next who waits. Placements already ended are left as they are.
 */
@Injectable()
export class OnPersonDied implements Reaction<PersonDiedV1> {
  readonly contract = PersonDiedV1;
  private readonly writer: RehabilitationWriter;

  constructor(@Inject(EventStore) store: EventStore) {
    this.writer = new RehabilitationWriter(store);
  }

  async handle(event: Received<PersonDiedV1>, within: PoolClient): Promise<void> {
    const at = event.data.at;
    for (const placementId of await this.writer.index.ofPerson(within, event.data.personId)) {
      const placement = await this.writer.stateOf(placementId, within);
      if (isPending(placement)) {
        await this.writer.react(
          { type: 'WithdrawPlacementRequest', placementId, reason: 'died', actor: LINTAS_ACTOR, at },
          event,
          within,
        );
      } else if (holdsBed(placement)) {
        await this.writer.react(
          {
            type: 'TerminateRehabilitation',
            placementId,
            reason: 'died',
            recommendations: null,
            actor: LINTAS_ACTOR,
            at,
          },
          event,
          within,
        );
      }
    }
  }
}
