import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AddTracingLeads } from '../../domain/reunification/reunification.commands';

export class AddTracingLeadsCommand extends Command<WriteResult> {
  constructor(
    readonly command: AddTracingLeads,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
