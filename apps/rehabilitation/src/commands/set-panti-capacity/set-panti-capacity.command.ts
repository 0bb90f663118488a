import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { SetPantiCapacity } from '../../domain/panti/panti.commands';

export class SetPantiCapacityCommand extends Command<WriteResult> {
  constructor(
    readonly command: SetPantiCapacity,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
