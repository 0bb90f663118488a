import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { byRequest } from '@lintas/commands/write-cause';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RequestEmergencyAccessCommand } from './request-emergency-access.command';
import { RequestEmergencyAccessRequest } from './request-emergency-access.request.dto';
import { RequestEmergencyAccessResponse } from './request-emergency-access.response.dto';

@Controller('persons')
export class RequestEmergencyAccessController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
  ) {}

  /**
   * Break-the-glass: an agency the rules keep from a person takes access to their records in every
   * service, at once and for a limited time (EMERGENCY_ACCESS_SECONDS, 3 hours by default), with its
   * reason. Every read under it is recorded as such; the offices owning the person's cases see it in
   * their queue and must review it.
   */
  @Post(':personId/emergency-access')
  @ApiCreatedResponse({ type: RequestEmergencyAccessResponse, description: 'Taken: until when it holds.' })
  @Allow('satpol-pp', 'polri', 'dinas-sosial', 'dinas-sosial-provinsi', 'rsj', 'panti')
  request(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() body: RequestEmergencyAccessRequest,
    @Actor() actor: AgencyActor,
    @NewId('emergency-access') accessId: string,
  ): Promise<RequestEmergencyAccessResponse> {
    return this.commands.execute(
      new RequestEmergencyAccessCommand(
        {
          type: 'RequestEmergencyAccess',
          accessId,
          personId,
          reason: body.reason,
          holdsForSeconds: this.env.EMERGENCY_ACCESS_SECONDS,
          actor: domainActor(actor),
          at: new Date().toISOString(),
        },
        byRequest(actor),
      ),
    );
  }
}
