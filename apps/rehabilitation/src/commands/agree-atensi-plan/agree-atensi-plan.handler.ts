import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { AgreeAtensiPlanCommand } from './agree-atensi-plan.command';

@CommandHandler(AgreeAtensiPlanCommand)
export class AgreeAtensiPlanHandler implements ICommandHandler<AgreeAtensiPlanCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: AgreeAtensiPlanCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
