import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { DischargePatient } from '../../domain/referral/referral.commands';

export class DischargePatientCommand extends Command<WriteResult> {
  constructor(
    readonly command: DischargePatient,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
