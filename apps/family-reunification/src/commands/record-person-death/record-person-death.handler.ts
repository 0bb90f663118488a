import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { CaseRegister } from '../../application/case-register';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { RecordPersonDeathCommand } from './record-person-death.command';

@CommandHandler(RecordPersonDeathCommand)
export class RecordPersonDeathHandler implements ICommandHandler<RecordPersonDeathCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CaseRegister) private readonly register: CaseRegister,
  ) {}

  execute({ caseId, command, cause }: RecordPersonDeathCommand): Promise<void> {
    return this.streams.transaction(async (tx) => {
      // Kept so that a hand-over of this case arriving later starts no reunification.
      await this.register.personDied(tx.client, caseId, command.diedAt);
      const reunificationIds = await this.register.reunificationsOf(tx.client, caseId);
      await tx.lock(...reunificationIds.map((id) => reunificationStream.streamId(id)));
      for (const reunificationId of reunificationIds) {
        await tx.handle(reunificationStream, reunificationId, { ...command, reunificationId }, cause);
      }
    });
  }
}
