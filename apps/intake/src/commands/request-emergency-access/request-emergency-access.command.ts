import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { RequestEmergencyAccess } from '../../domain/emergency-access/emergency-access.decider';
import type { RequestEmergencyAccessResponse } from './request-emergency-access.response.dto';

export class RequestEmergencyAccessCommand extends Command<RequestEmergencyAccessResponse> {
  constructor(
    readonly command: Omit<RequestEmergencyAccess, 'owningOfficeIds'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
