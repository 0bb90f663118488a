import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AdmitPatient } from '../../domain/referral/referral.commands';

export class AdmitPatientCommand extends Command<WriteResult> {
  constructor(
    readonly command: AdmitPatient,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
