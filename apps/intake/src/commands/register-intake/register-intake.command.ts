import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RegisterIntake } from '../../domain/case/case.commands';

/** A registration as the office asks for it: the handler settles the person, the pickup and the case number. */
export type IntakeRegistration = Omit<RegisterIntake, 'personId' | 'caseSequence' | 'pickup'> & {
  pickupId?: string;
  personId?: string;
};

export interface RegisteredIntake extends WriteResult {
  caseNumber: string;
  personId: string;
}

export class RegisterIntakeCommand extends Command<RegisteredIntake> {
  constructor(
    readonly command: IntakeRegistration,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
