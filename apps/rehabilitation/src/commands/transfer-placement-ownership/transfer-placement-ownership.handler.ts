import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { TransferPlacementOwnershipCommand } from './transfer-placement-ownership.command';

@CommandHandler(TransferPlacementOwnershipCommand)
export class TransferPlacementOwnershipHandler implements ICommandHandler<TransferPlacementOwnershipCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: TransferPlacementOwnershipCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
