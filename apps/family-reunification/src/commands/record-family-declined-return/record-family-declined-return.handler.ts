import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { RecordFamilyDeclinedReturnCommand } from './record-family-declined-return.command';

@CommandHandler(RecordFamilyDeclinedReturnCommand)
export class RecordFamilyDeclinedReturnHandler implements ICommandHandler<RecordFamilyDeclinedReturnCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: RecordFamilyDeclinedReturnCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
