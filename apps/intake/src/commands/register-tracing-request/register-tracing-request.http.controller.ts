import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import { deterministicUuid, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { TracingRequestWriteCommand } from '../../application/tracing-request-write';
import { RegisterTracingRequestRequest } from './register-tracing-request.request.dto';
import { RegisterTracingRequestResponse } from './register-tracing-request.response.dto';

@Controller('tracing-requests')
export class RegisterTracingRequestController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * A family, at a Dinas Sosial office or a police station, registers a missing relative; the
   * persons found are matched against it from then on, and the owning office reviews the candidates.
   */
  @Post()
  @ApiCreatedResponse({
    type: RegisterTracingRequestResponse,
    description: 'Registered: the request (its id), its version, the position, and the person sought.',
  })
  @Allow('dinas-sosial', 'polri')
  async register(
    @Body() body: RegisterTracingRequestRequest,
    @Actor() actor: AgencyActor,
    @NewId('tracing-request') tracingRequestId: string,
  ): Promise<RegisterTracingRequestResponse> {
    // From the request's id: a retry after a lost answer names the same person.
    const personId = deterministicUuid(`person:${tracingRequestId}`);
    const written = await this.commands.execute(
      new TracingRequestWriteCommand(
        {
          type: 'RegisterTracingRequest',
          tracingRequestId,
          personId,
          ...(body.officeId !== undefined && { officeId: body.officeId }),
          channel: body.channel,
          requester: { ...body.requester },
          sought: { ...body.sought, ...(body.sought.ageRange && { ageRange: { ...body.sought.ageRange } }) },
          lastSeen: { ...body.lastSeen },
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor),
      ),
    );
    return { ...written, personId };
  }
}
