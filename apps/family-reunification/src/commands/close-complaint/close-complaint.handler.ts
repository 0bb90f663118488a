import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { complaintStream } from '../../domain/complaint/complaint.stream';
import { CloseComplaintCommand } from './close-complaint.command';

@CommandHandler(CloseComplaintCommand)
export class CloseComplaintHandler implements ICommandHandler<CloseComplaintCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: CloseComplaintCommand): Promise<WriteResult> {
    return this.streams.write(complaintStream, command.complaintId, command, cause);
  }
}
