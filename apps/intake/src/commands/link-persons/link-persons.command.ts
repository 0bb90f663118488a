import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { LinkPersons } from '../../domain/case/case.commands';

export class LinkPersonsCommand extends Command<WriteResult> {
  constructor(
    readonly command: LinkPersons,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
