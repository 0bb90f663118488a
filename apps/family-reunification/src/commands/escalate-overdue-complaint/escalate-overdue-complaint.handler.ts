import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { complaintStream } from '../../domain/complaint/complaint.stream';
import { EscalateOverdueComplaintCommand } from './escalate-overdue-complaint.command';

@CommandHandler(EscalateOverdueComplaintCommand)
export class EscalateOverdueComplaintHandler implements ICommandHandler<EscalateOverdueComplaintCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: EscalateOverdueComplaintCommand): Promise<WriteResult> {
    return this.streams.write(complaintStream, command.complaintId, command, cause);
  }
}
