import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { emergencyAccessStream } from '../../domain/emergency-access/emergency-access.stream';
import { ReviewEmergencyAccessCommand } from './review-emergency-access.command';

@CommandHandler(ReviewEmergencyAccessCommand)
export class ReviewEmergencyAccessHandler implements ICommandHandler<ReviewEmergencyAccessCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: ReviewEmergencyAccessCommand): Promise<WriteResult> {
    return this.streams.write(emergencyAccessStream, command.accessId, command, cause);
  }
}
