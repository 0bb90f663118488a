import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { CASE_STREAM } from '../../application/case-stream';
import type { CaseStream } from '../../domain/case/case.stream';
import { RejectDuplicateCommand } from './reject-duplicate.command';

@CommandHandler(RejectDuplicateCommand)
export class RejectDuplicateHandler implements ICommandHandler<RejectDuplicateCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
  ) {}

  execute({ command, cause }: RejectDuplicateCommand): Promise<WriteResult> {
    return this.streams.write(this.cases, command.caseId, command, cause);
  }
}
