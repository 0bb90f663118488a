import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { reviewingActor } from '../../application/domain-actor';
import { ConfirmTracingMatchCommand } from './confirm-tracing-match.command';
import { ConfirmTracingMatchRequest } from './confirm-tracing-match.request.dto';

@Controller('tracing-requests')
export class ConfirmTracingMatchController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * A social worker of the owning office finds the candidate likely the relative: family
   * verification and the return start on the candidate's case, in the office that holds it.
   */
  @Post(':tracingRequestId/candidates/:personId/confirm')
  @Allow('dinas-sosial')
  confirm(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Param('personId', new ParseUUIDPipe()) candidatePersonId: string,
    @Body() body: ConfirmTracingMatchRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ConfirmTracingMatchCommand(
        {
          type: 'ConfirmMatch',
          tracingRequestId,
          candidatePersonId,
          actor: reviewingActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
