import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { LongTermPlacementArrangedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor } from '../../application/actors';
import { RequestPlacementCommand } from '../../commands/request-placement/request-placement.command';

/** No family can take the person: a long-term placement request to the panti arranged. */
@ReactsTo(LongTermPlacementArrangedV1)
export class OnLongTermPlacementArranged implements Reaction<LongTermPlacementArrangedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<LongTermPlacementArrangedV1>): Promise<void> {
    const { caseId, personId, pantiId, officeId } = event.data;
    await this.commands.execute(
      new RequestPlacementCommand(
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
        byEvent(event),
      ),
    );
  }
}
