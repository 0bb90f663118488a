import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import { officeActor } from '../../application/actors';
import { RequestPlacementCommand } from '../../commands/request-placement/request-placement.command';

/** The office assessed the person for a panti: the placement request goes to that panti. */
@ReactsTo(AssessmentCompletedV1)
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<AssessmentCompletedV1>): Promise<void> {
    const { decision, pantiId, caseId, personId, officeId } = event.data;
    if (decision !== 'panti') return;
    if (!pantiId) throw new PermanentError('an assessment for a panti names no pantiId');
    await this.commands.execute(
      new RequestPlacementCommand(
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
        byEvent(event),
      ),
    );
  }
}
