import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { PersonDiedV1 } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { CASE_STREAM } from '../../application/case-stream';
import { RecordDeathCommand } from '../../commands/record-death/record-death.command';
import { owningOffice } from '../../domain/case/case-guards';
import type { CaseStream } from '../../domain/case/case.stream';

/** A death reported to health-liaison: the case stops taking assessments and transfers. */
@ReactsTo(PersonDiedV1)
export class OnPersonDied implements Reaction<PersonDiedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
  ) {}

  async handle(event: Received<PersonDiedV1>): Promise<void> {
    const { caseId, at, reportedBy } = event.data;
    const { state } = await this.streams.load(this.cases, caseId);
    await this.commands.execute(
      new RecordDeathCommand(
        { type: 'RecordDeath', caseId, actor: owningOffice(state), at: event.time, diedAt: at, reportedBy },
        byEvent(event),
      ),
    );
  }
}
