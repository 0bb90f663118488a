import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { LINTAS_ACTOR } from '../../application/actors';
import { PlacementIndex } from '../../application/placement-index';
import { TerminateRehabilitationCommand } from '../../commands/terminate-rehabilitation/terminate-rehabilitation.command';
import { WithdrawPlacementRequestCommand } from '../../commands/withdraw-placement-request/withdraw-placement-request.command';
import { holdsBed, isPending } from '../../domain/placement/placement.state';
import { placementStream } from '../../domain/placement/placement.stream';

/**
 * Death stops every open flow: a pending request is withdrawn, a residency terminated, and the
 * bed or queue place goes to the next who waits. Placements already ended are left as they are.
 */
@ReactsTo(PersonDiedV1)
export class OnPersonDied implements Reaction<PersonDiedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(PlacementIndex) private readonly index: PlacementIndex,
  ) {}

  async handle(event: Received<PersonDiedV1>, transaction: PoolClient): Promise<void> {
    const at = event.data.at;
    for (const placementId of await this.index.ofPerson(transaction, event.data.personId)) {
      const { state } = await this.streams.load(placementStream, placementId);
      if (isPending(state)) {
        await this.commands.execute(
          new WithdrawPlacementRequestCommand(
            { type: 'WithdrawPlacementRequest', placementId, reason: 'died', actor: LINTAS_ACTOR, at },
            byEvent(event),
          ),
        );
      } else if (holdsBed(state)) {
        await this.commands.execute(
          new TerminateRehabilitationCommand(
            {
              type: 'TerminateRehabilitation',
              placementId,
              reason: 'died',
              recommendations: null,
              actor: LINTAS_ACTOR,
              at,
            },
            byEvent(event),
          ),
        );
      }
    }
  }
}
