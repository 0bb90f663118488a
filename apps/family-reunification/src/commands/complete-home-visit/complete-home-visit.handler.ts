import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { CompleteHomeVisitCommand } from './complete-home-visit.command';

@CommandHandler(CompleteHomeVisitCommand)
export class CompleteHomeVisitHandler implements ICommandHandler<CompleteHomeVisitCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: CompleteHomeVisitCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
