import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { CompleteReunification } from '../../domain/reunification/reunification.commands';

export class CompleteReunificationCommand extends Command<WriteResult> {
  constructor(
    readonly command: CompleteReunification,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
