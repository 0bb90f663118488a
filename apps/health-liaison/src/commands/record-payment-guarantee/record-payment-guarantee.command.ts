import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RecordPaymentGuarantee } from '../../domain/referral/referral.commands';

export class RecordPaymentGuaranteeCommand extends Command<WriteResult> {
  constructor(
    readonly command: RecordPaymentGuarantee,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
