import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { ReturnResidentFromRsjCommand } from './return-resident-from-rsj.command';

@CommandHandler(ReturnResidentFromRsjCommand)
export class ReturnResidentFromRsjHandler implements ICommandHandler<ReturnResidentFromRsjCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ReturnResidentFromRsjCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
