import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { CompleteFollowUpVisitCommand } from './complete-follow-up-visit.command';

@CommandHandler(CompleteFollowUpVisitCommand)
export class CompleteFollowUpVisitHandler implements ICommandHandler<CompleteFollowUpVisitCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: CompleteFollowUpVisitCommand): Promise<WriteResult> {
    return this.streams.write(reunificationStream, command.reunificationId, command, cause);
  }
}
