import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { RecordFamilyNotFoundCommand } from './record-family-not-found.command';

@CommandHandler(RecordFamilyNotFoundCommand)
export class RecordFamilyNotFoundHandler implements ICommandHandler<RecordFamilyNotFoundCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: RecordFamilyNotFoundCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
