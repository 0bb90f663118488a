import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { CaseloadReadModel } from './caseload.read-model';
import { QueuedCase } from './caseload.response.dto';

@Controller('work-queues')
export class CaseloadController {
  constructor(@Inject(CaseloadReadModel) private readonly queues: CaseloadReadModel) {}

  /** The calling office's open cases, oldest first: only cases it owns. */
  @Get('caseload')
  @ApiOkResponse({ type: [QueuedCase], description: "The office's open cases, oldest first; at most 1000." })
  @Allow('dinas-sosial')
  caseload(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<QueuedCase[]> {
    return this.queues.openCasesOf(actor, minPosition);
  }

  /** Cases other offices ask the calling office to take over, oldest first. */
  @Get('incoming-transfers')
  @ApiOkResponse({
    type: [QueuedCase],
    description: 'The cases the office is asked to take over, oldest request first; at most 1000.',
  })
  @Allow('dinas-sosial')
  incomingTransfers(@Actor() actor: AgencyActor, @MinPosition() minPosition?: string): Promise<QueuedCase[]> {
    return this.queues.transfersTo(actor, minPosition);
  }
}
