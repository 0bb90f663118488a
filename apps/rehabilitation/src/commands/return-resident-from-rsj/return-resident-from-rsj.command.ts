import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReturnResidentFromRsj } from '../../domain/placement/placement.commands';

export class ReturnResidentFromRsjCommand extends Command<WriteResult> {
  constructor(
    readonly command: ReturnResidentFromRsj,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
