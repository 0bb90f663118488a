import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { pantiStream } from '../../domain/panti/panti.stream';
import { SetPantiCapacityCommand } from './set-panti-capacity.command';

@CommandHandler(SetPantiCapacityCommand)
export class SetPantiCapacityHandler implements ICommandHandler<SetPantiCapacityCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: SetPantiCapacityCommand): Promise<WriteResult> {
    return this.streams.write(pantiStream, command.pantiId, command, cause);
  }
}
