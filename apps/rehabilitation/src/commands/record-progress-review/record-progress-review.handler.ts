import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { placementStream } from '../../domain/placement/placement.stream';
import { RecordProgressReviewCommand } from './record-progress-review.command';

@CommandHandler(RecordProgressReviewCommand)
export class RecordProgressReviewHandler implements ICommandHandler<RecordProgressReviewCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: RecordProgressReviewCommand): Promise<WriteResult> {
    return this.streams.write(placementStream, command.placementId, command, cause);
  }
}
