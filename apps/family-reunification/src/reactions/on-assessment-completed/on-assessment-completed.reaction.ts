import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AssessmentCompletedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { StartFamilyTracingCommand } from '../../commands/start-family-tracing/start-family-tracing.command';

/** Intake decided on a return home, or ATENSI in the family or community: find the family. */
@ReactsTo(AssessmentCompletedV1)
export class OnAssessmentCompleted implements Reaction<AssessmentCompletedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<AssessmentCompletedV1>): Promise<void> {
    const { caseId, personId, officeId, decision } = event.data;
    if (decision !== 'home' && decision !== 'community') return;
    await this.commands.execute(
      new StartFamilyTracingCommand({ caseId, personId, officeId, startedFrom: 'assessment' }, event),
    );
  }
}
