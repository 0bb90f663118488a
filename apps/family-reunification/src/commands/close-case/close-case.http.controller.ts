import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { CloseCaseCommand } from './close-case.command';
import { CloseCaseRequest } from './close-case.request.dto';

/** The case ends with its outcome; not while follow-ups are pending unless the person died or was lost to follow-up. */
@Controller('reunifications')
export class CloseCaseController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/close')
  @Allow('dinas-sosial')
  closeCase(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: CloseCaseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CloseCaseCommand(
        {
          type: 'CloseCase',
          reunificationId,
          outcome: body.outcome,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
