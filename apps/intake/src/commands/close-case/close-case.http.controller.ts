import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { CloseCaseCommand } from './close-case.command';
import { CloseCaseRequest } from './close-case.request.dto';

@Controller('cases')
export class CloseCaseController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * Closes a case that ends at intake (a death in the shelter, a person gone for good). Cases that
   * reach family-reunification are closed there, and that closure arrives here by itself.
   */
  @Post(':caseId/close')
  @Allow('dinas-sosial')
  close(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: CloseCaseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CloseCaseCommand(
        {
          type: 'CloseCase',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          outcome: body.outcome,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
