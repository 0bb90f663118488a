import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { complaintStream } from '../../domain/complaint/complaint.stream';
import { FileComplaintCommand } from './file-complaint.command';

@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: FileComplaintCommand): Promise<WriteResult> {
    return this.streams.write(complaintStream, command.complaintId, command, cause);
  }
}
