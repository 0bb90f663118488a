import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { ArrangeLongTermPlacementCommand } from './arrange-long-term-placement.command';

@CommandHandler(ArrangeLongTermPlacementCommand)
export class ArrangeLongTermPlacementHandler implements ICommandHandler<ArrangeLongTermPlacementCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ArrangeLongTermPlacementCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
