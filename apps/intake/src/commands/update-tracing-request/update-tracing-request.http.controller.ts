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
import { UpdateTracingRequestRequest } from './update-tracing-request.request.dto';

@Controller('tracing-requests')
export class UpdateTracingRequestController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The family tells more (a photo, a mark, another name): the request is matched again. */
  @Post(':tracingRequestId/update')
  @Allow('dinas-sosial', 'polri')
  update(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Body() body: UpdateTracingRequestRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const { requester, sought, lastSeen } = body;
    return this.commands.execute(
      new TracingRequestWriteCommand(
        {
          type: 'UpdateTracingRequest',
          tracingRequestId,
          ...(requester && { requester: { ...requester } }),
          ...(sought && { sought: { ...sought, ...(sought.ageRange && { ageRange: { ...sought.ageRange } }) } }),
          ...(lastSeen && { lastSeen: { ...lastSeen } }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
