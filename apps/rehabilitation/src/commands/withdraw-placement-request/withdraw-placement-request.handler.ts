import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { decideOccupancy } from '../../application/occupancy-decision';
import { WithdrawPlacementRequestCommand } from './withdraw-placement-request.command';

@CommandHandler(WithdrawPlacementRequestCommand)
export class WithdrawPlacementRequestHandler implements ICommandHandler<WithdrawPlacementRequestCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: WithdrawPlacementRequestCommand): Promise<WriteResult> {
    return this.streams.transaction((tx) => decideOccupancy(tx, command, cause));
  }
}
