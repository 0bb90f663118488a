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
import { CloseTracingRequestAsFoundRequest } from './close-tracing-request-as-found.request.dto';

@Controller('tracing-requests')
export class CloseTracingRequestAsFoundController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The relative is found: through a confirmed match the family verified, or by the family itself. */
  @Post(':tracingRequestId/found')
  @Allow('dinas-sosial', 'polri')
  close(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Body() body: CloseTracingRequestAsFoundRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new TracingRequestWriteCommand(
        {
          type: 'CloseTracingRequestAsFound',
          tracingRequestId,
          ...(body.foundPersonId !== undefined && { foundPersonId: body.foundPersonId }),
          ...(body.note !== undefined && { note: body.note }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
