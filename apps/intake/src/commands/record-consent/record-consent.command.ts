import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordConsent } from '../../domain/case/case.commands';

export class RecordConsentCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordConsent,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
