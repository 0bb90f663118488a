import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { pickupStream } from '../../domain/pickup/pickup.stream';
import { ReportPickupCommand } from './report-pickup.command';

@CommandHandler(ReportPickupCommand)
export class ReportPickupHandler implements ICommandHandler<ReportPickupCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  async execute({ command, cause }: ReportPickupCommand): Promise<WriteResult & { personId: string }> {
    const reported = await this.streams.handle(pickupStream, command.pickupId, command, cause);
    return { ...writeResult(reported), personId: command.personId };
  }
}
