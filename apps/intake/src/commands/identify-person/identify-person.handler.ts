import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import { CASE_STREAM } from '../../application/case-stream';
import { KnownPersons } from '../../application/known-persons';
import { pendingCandidates } from '../../domain/case/case.state';
import type { CaseStream } from '../../domain/case/case.stream';
import { IdentifyPersonCommand, type IdentificationAnswer } from './identify-person.command';

/**
 * Identifies the person and checks at once whether they are someone met before, so that the
 * office sees the candidates in the answer: both facts in one transaction on the case.
 */
@CommandHandler(IdentifyPersonCommand)
export class IdentifyPersonHandler implements ICommandHandler<IdentifyPersonCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
    @Inject(KnownPersons) private readonly knownPersons: KnownPersons,
  ) {}

  async execute({ command, cause }: IdentifyPersonCommand): Promise<IdentificationAnswer> {
    await this.knownPersons.catchUp();
    return this.streams.transaction(async (tx) => {
      const { caseId, actor, at } = command;
      const identified = await tx.handle(this.cases, caseId, command, cause);
      const earlierPersons = await this.knownPersons.around(tx.client, identified.state);
      const checked = await tx.handle(
        this.cases,
        caseId,
        { type: 'FindDuplicateCandidates', caseId, actor, at, earlierPersons },
        cause,
      );
      return {
        ...writeResult(checked),
        nikFlags: identified.events.flatMap((event) => (event.type === 'PersonIdentified' ? event.data.flags : [])),
        duplicateCandidates: pendingCandidates(checked.state).map(({ personId, score, reasons }) => ({
          personId,
          score,
          reasons,
        })),
      };
    });
  }
}
