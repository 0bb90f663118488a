import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { CaseRegister } from '../../application/case-register';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { RecordTransferDeclinedCommand } from './record-transfer-declined.command';

@CommandHandler(RecordTransferDeclinedCommand)
export class RecordTransferDeclinedHandler implements ICommandHandler<RecordTransferDeclinedCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CaseRegister) private readonly register: CaseRegister,
  ) {}

  execute({ caseId, command, cause }: RecordTransferDeclinedCommand): Promise<void> {
    return this.streams.transaction(async (tx) => {
      const reunificationIds = await this.register.reunificationsOf(tx.client, caseId);
      await tx.lock(...reunificationIds.map((id) => reunificationStream.streamId(id)));
      for (const reunificationId of reunificationIds) {
        await tx.handle(reunificationStream, reunificationId, { ...command, reunificationId }, cause);
      }
    });
  }
}
