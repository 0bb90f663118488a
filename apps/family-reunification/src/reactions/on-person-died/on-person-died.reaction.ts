import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { RecordPersonDeathCommand } from '../../commands/record-person-death/record-person-death.command';

/** Death stops every open flow: each reunification of the case records it and takes no further step. */
@ReactsTo(PersonDiedV1)
export class OnPersonDied implements Reaction<PersonDiedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  async handle(event: Received<PersonDiedV1>): Promise<void> {
    const { caseId, at, reportedBy } = event.data;
    await this.commands.execute(
      new RecordPersonDeathCommand(
        caseId,
        {
          type: 'RecordPersonDeath',
          diedAt: at,
          reportedBy,
          // This service relays health-liaison's record; the reporting agency is in the data.
          actor: { agencyId: `lintas-${this.service}`, kind: 'admin', regionCode: '' },
          at: event.time,
        },
        byEvent(event),
      ),
    );
  }
}
