import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordsRead } from '@lintas/platform/http/access/read-shape';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { IdentifyPersonCommand } from './identify-person.command';
import { confidenceOf, IdentifyPersonRequest } from './identify-person.request.dto';
import { IdentifyPersonResponse } from './identify-person.response.dto';

@Controller('cases')
export class IdentifyPersonController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':caseId/identification')
  // The answer names earlier persons who may be this one: a read of them, recorded.
  @RecordsRead()
  @ApiCreatedResponse({
    type: IdentifyPersonResponse,
    description:
      'Identified: the new version, the position the write produced, the findings on NIK and KK and the ' +
      'earlier persons who may be this one.',
  })
  @Allow('dinas-sosial')
  identify(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: IdentifyPersonRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<IdentifyPersonResponse> {
    const { occurredAt: given, confidence: _confidence, ...identity } = body;
    return this.commands.execute(
      new IdentifyPersonCommand(
        {
          type: 'IdentifyPerson',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(given),
          identity: { ...definedOnly(identity), confidence: confidenceOf(body) },
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
