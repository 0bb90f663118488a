import { Controller, Get, Inject } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { CaseloadReadModel, type CaseInQueue } from './caseload.read-model';

@Controller('work-queues')
export class CaseloadController {
  constructor(@Inject(CaseloadReadModel) private readonly queues: CaseloadReadModel) {}

  /** The calling office's open cases, oldest first: only cases it owns. */
  @Get('caseload')
  @Allow('dinas-sosial')
  caseload(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<CaseInQueue[]> {
    return this.queues.openCasesOf(actor, minPosition);
  }

  /** Cases other offices ask the calling office to take over, oldest first. */
  @Get('incoming-transfers')
  @Allow('dinas-sosial')
  incomingTransfers(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<CaseInQueue[]> {
    return this.queues.transfersTo(actor, minPosition);
  }
}
