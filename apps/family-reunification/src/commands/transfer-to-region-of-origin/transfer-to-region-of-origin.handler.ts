import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { TransferToRegionOfOriginCommand } from './transfer-to-region-of-origin.command';

@CommandHandler(TransferToRegionOfOriginCommand)
export class TransferToRegionOfOriginHandler implements ICommandHandler<TransferToRegionOfOriginCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: TransferToRegionOfOriginCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
