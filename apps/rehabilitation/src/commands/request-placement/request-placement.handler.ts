import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { decideOccupancy } from '../../application/occupancy-decision';
import { PlacementIndex } from '../../application/placement-index';
import { RequestPlacementCommand } from './request-placement.command';

@CommandHandler(RequestPlacementCommand)
export class RequestPlacementHandler implements ICommandHandler<RequestPlacementCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(PlacementIndex) private readonly index: PlacementIndex,
  ) {}

  execute({ command, cause }: RequestPlacementCommand): Promise<WriteResult> {
    return this.streams.transaction(async (tx) => {
      const result = await decideOccupancy(tx, command, cause);
      await this.index.record(tx.client, command);
      return result;
    });
  }
}
