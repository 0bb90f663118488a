import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PatientDischargedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { StartFamilyTracingCommand } from '../../commands/start-family-tracing/start-family-tracing.command';

/** The RSJ discharged the person with the recommendation to go home to the family. */
@ReactsTo(PatientDischargedV1)
export class OnPatientDischarged implements Reaction<PatientDischargedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<PatientDischargedV1>): Promise<void> {
    const { caseId, personId, officeId, recommendation } = event.data;
    if (recommendation !== 'family') return;
    await this.commands.execute(
      new StartFamilyTracingCommand({ caseId, personId, officeId, startedFrom: 'rsj-discharge' }, event),
    );
  }
}
