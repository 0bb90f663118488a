import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { CompleteReunificationCommand } from './complete-reunification.command';

@CommandHandler(CompleteReunificationCommand)
export class CompleteReunificationHandler implements ICommandHandler<CompleteReunificationCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: CompleteReunificationCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
