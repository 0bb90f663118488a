import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { ReportAbscondingCommand } from './report-absconding.command';

@CommandHandler(ReportAbscondingCommand)
export class ReportAbscondingHandler implements ICommandHandler<ReportAbscondingCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ReportAbscondingCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
