import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { AdmitResident } from '../../domain/occupancy/occupancy.commands';

export class AdmitResidentCommand extends Command<WriteResult> {
  constructor(
    readonly command: AdmitResident,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
