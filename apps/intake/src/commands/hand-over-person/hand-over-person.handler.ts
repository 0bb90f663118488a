import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { handedOverPickup } from '../../domain/pickup/handed-over-pickup';
import { pickupStream } from '../../domain/pickup/pickup.stream';
import { HandOverPersonCommand } from './hand-over-person.command';

@CommandHandler(HandOverPersonCommand)
export class HandOverPersonHandler implements ICommandHandler<HandOverPersonCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  async execute({ command, cause }: HandOverPersonCommand): Promise<WriteResult & { personId: string }> {
    const handedOver = await this.streams.handle(pickupStream, command.pickupId, command, cause);
    return { ...writeResult(handedOver), personId: handedOverPickup(handedOver.state).personId };
  }
}
