import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import { CASE_STREAM } from '../../application/case-stream';
import { KnownPersons } from '../../application/known-persons';
import { pendingCandidates } from '../../domain/case/case.state';
import type { CaseStream } from '../../domain/case/case.stream';
import { FindDuplicateCandidatesCommand, type FoundDuplicateCandidates } from './find-duplicate-candidates.command';

/** Compares the case's person with everyone identified by now. */
@CommandHandler(FindDuplicateCandidatesCommand)
export class FindDuplicateCandidatesHandler implements ICommandHandler<FindDuplicateCandidatesCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
    @Inject(KnownPersons) private readonly knownPersons: KnownPersons,
  ) {}

  async execute({ command, cause }: FindDuplicateCandidatesCommand): Promise<FoundDuplicateCandidates> {
    await this.knownPersons.catchUp();
    return this.streams.transaction(async (tx) => {
      await tx.lock(this.cases.streamId(command.caseId));
      const { state } = await tx.load(this.cases, command.caseId);
      const earlierPersons = await this.knownPersons.around(tx.client, state);
      const found = await tx.handle(this.cases, command.caseId, { ...command, earlierPersons }, cause);
      return {
        ...writeResult(found),
        duplicateCandidates: pendingCandidates(found.state).map(({ personId, score, reasons }) => ({
          personId,
          score,
          reasons,
        })),
      };
    });
  }
}
