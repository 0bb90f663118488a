import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { ReturnAbscondedResidentCommand } from './return-absconded-resident.command';

@CommandHandler(ReturnAbscondedResidentCommand)
export class ReturnAbscondedResidentHandler implements ICommandHandler<ReturnAbscondedResidentCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ReturnAbscondedResidentCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
