import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { TracingRequestWriteCommand } from '../../application/tracing-request-write';
import { WithdrawTracingRequestRequest } from './withdraw-tracing-request.request.dto';

@Controller('tracing-requests')
export class WithdrawTracingRequestController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The family stops looking: no more matching, no more candidates. */
  @Post(':tracingRequestId/withdrawal')
  @Allow('dinas-sosial', 'polri')
  withdraw(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Body() body: WithdrawTracingRequestRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new TracingRequestWriteCommand(
        {
          type: 'WithdrawTracingRequest',
          tracingRequestId,
          ...(body.reason !== undefined && { reason: body.reason }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
