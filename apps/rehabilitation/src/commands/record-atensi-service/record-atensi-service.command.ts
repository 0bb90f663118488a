import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordAtensiService } from '../../domain/placement/placement.commands';

export class RecordAtensiServiceCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordAtensiService,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
