import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { CaseRegister } from '../../application/case-register';
import { reunificationStream } from '../../domain/reunification/reunification.stream';
import { MoveCaseOwnershipCommand } from './move-case-ownership.command';

@CommandHandler(MoveCaseOwnershipCommand)
export class MoveCaseOwnershipHandler implements ICommandHandler<MoveCaseOwnershipCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CaseRegister) private readonly register: CaseRegister,
  ) {}

  execute({ caseId, command, cause }: MoveCaseOwnershipCommand): Promise<void> {
    return this.streams.transaction(async (tx) => {
      // Kept for the reunifications a later hand-over of this case starts.
      await this.register.ownerMoved(tx.client, caseId, command.toOfficeId);
      const reunificationIds = await this.register.reunificationsOf(tx.client, caseId);
      await tx.lock(...reunificationIds.map((id) => reunificationStream.streamId(id)));
      for (const reunificationId of reunificationIds) {
        await tx.handle(reunificationStream, reunificationId, { ...command, reunificationId }, cause);
      }
    });
  }
}
