import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { complaintStream } from '../../domain/complaint/complaint.stream';
import { AnswerComplaintCommand } from './answer-complaint.command';

@CommandHandler(AnswerComplaintCommand)
export class AnswerComplaintHandler implements ICommandHandler<AnswerComplaintCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: AnswerComplaintCommand): Promise<WriteResult> {
    return this.streams.write(complaintStream, command.complaintId, command, cause);
  }
}
