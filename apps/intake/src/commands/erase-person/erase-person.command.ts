import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ErasePerson } from '../../domain/erasure/erasure.decider';

export class ErasePersonCommand extends Command<WriteResult> {
  constructor(
    readonly command: Omit<ErasePerson, 'persons'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
