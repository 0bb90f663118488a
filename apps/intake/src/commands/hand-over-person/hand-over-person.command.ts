import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { HandOverPerson } from '../../domain/pickup/pickup.commands';

export class HandOverPersonCommand extends Command<WriteResult & { personId: string }> {
  constructor(
    readonly command: HandOverPerson,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
