import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { CaseClosedV1 } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { CASE_STREAM } from '../../application/case-stream';
import { CloseCaseCommand } from '../../commands/close-case/close-case.command';
import { owningOffice } from '../../domain/case/case-guards';
import type { CaseStream } from '../../domain/case/case.stream';

/** Family-reunification closed the case: it is closed here too, with the same outcome. */
@ReactsTo(CaseClosedV1)
export class OnCaseClosed implements Reaction<CaseClosedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
  ) {}

  async handle(event: Received<CaseClosedV1>): Promise<void> {
    const { caseId, outcome, at } = event.data;
    const { state } = await this.streams.load(this.cases, caseId);
    await this.commands.execute(
      new CloseCaseCommand({ type: 'CloseCase', caseId, actor: owningOffice(state), at, outcome }, byEvent(event)),
    );
  }
}
