import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordTreatmentNote } from '../../domain/referral/referral.commands';

export class RecordTreatmentNoteCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordTreatmentNote,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
