import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RehabilitationTerminatedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { StartFamilyTracingCommand } from '../../commands/start-family-tracing/start-family-tracing.command';

/** The panti ended rehabilitation because the person is ready to return. */
@ReactsTo(RehabilitationTerminatedV1)
export class OnRehabilitationTerminated implements Reaction<RehabilitationTerminatedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<RehabilitationTerminatedV1>): Promise<void> {
    const { caseId, personId, officeId, reason } = event.data;
    if (reason !== 'ready-to-return') return;
    await this.commands.execute(
      new StartFamilyTracingCommand({ caseId, personId, officeId, startedFrom: 'rehabilitation-terminated' }, event),
    );
  }
}
