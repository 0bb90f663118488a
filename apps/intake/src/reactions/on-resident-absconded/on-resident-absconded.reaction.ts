import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { ResidentAbscondedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { CASE_STREAM } from '../../application/case-stream';
import { RecordAbscondingCommand } from '../../commands/record-absconding/record-absconding.command';
import { owningOffice } from '../../domain/case/case-guards';
import type { CaseStream } from '../../domain/case/case.stream';

/**
 * The person ran away from the panti: the owning office sees it on the case. Closed or ended by a
 * death in the meantime, the case takes no escape any more, and the event is done.
 */
@ReactsTo(ResidentAbscondedV1, { harmless: ['case.closed', 'case.person-deceased'] })
export class OnResidentAbsconded implements Reaction<ResidentAbscondedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
  ) {}

  async handle(event: Received<ResidentAbscondedV1>): Promise<void> {
    const { caseId, at, pantiId } = event.data;
    const { state } = await this.streams.load(this.cases, caseId);
    await this.commands.execute(
      new RecordAbscondingCommand(
        {
          type: 'RecordAbsconding',
          caseId,
          actor: owningOffice(state),
          at: event.time,
          abscondedAt: at,
          from: 'panti',
          reportedBy: pantiId,
        },
        byEvent(event),
      ),
    );
  }
}
