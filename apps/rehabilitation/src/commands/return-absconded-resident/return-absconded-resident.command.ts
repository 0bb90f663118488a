import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReturnAbscondedResident } from '../../domain/placement/placement.commands';

export class ReturnAbscondedResidentCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReturnAbscondedResident,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
