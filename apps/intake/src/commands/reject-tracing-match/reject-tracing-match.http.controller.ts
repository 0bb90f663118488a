import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { reviewingActor } from '../../application/domain-actor';
import { TracingRequestWriteCommand } from '../../application/tracing-request-write';
import { RejectTracingMatchRequest } from './reject-tracing-match.request.dto';

@Controller('tracing-requests')
export class RejectTracingMatchController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The social worker finds the candidate is not the relative: the pair is never proposed again. */
  @Post(':tracingRequestId/candidates/:personId/reject')
  @Allow('dinas-sosial')
  reject(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Param('personId', new ParseUUIDPipe()) candidatePersonId: string,
    @Body() body: RejectTracingMatchRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new TracingRequestWriteCommand(
        {
          type: 'RejectMatch',
          tracingRequestId,
          candidatePersonId,
          reason: body.reason,
          actor: reviewingActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
