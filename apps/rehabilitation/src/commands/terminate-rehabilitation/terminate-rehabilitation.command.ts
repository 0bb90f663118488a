import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { TerminateRehabilitation } from '../../domain/occupancy/occupancy.commands';

export class TerminateRehabilitationCommand extends Command<WriteResult> {
  constructor(
    readonly command: TerminateRehabilitation,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
