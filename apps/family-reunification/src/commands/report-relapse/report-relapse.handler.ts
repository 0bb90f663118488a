import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { ReportRelapseCommand } from './report-relapse.command';

@CommandHandler(ReportRelapseCommand)
export class ReportRelapseHandler implements ICommandHandler<ReportRelapseCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ReportRelapseCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
