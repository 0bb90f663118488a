import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordFamilyNotFound } from '../../domain/reunification/reunification.commands';

export class RecordFamilyNotFoundCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordFamilyNotFound,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
