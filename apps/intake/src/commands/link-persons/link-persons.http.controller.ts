import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { LinkPersonsCommand } from './link-persons.command';
import { LinkPersonsRequest } from './link-persons.request.dto';

@Controller('cases')
export class LinkPersonsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** This case's person is the survivor's: every service reads their journeys as one. */
  @Post(':caseId/link')
  @Allow('dinas-sosial')
  link(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: LinkPersonsRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new LinkPersonsCommand(
        {
          type: 'LinkPersons',
          caseId,
          survivorPersonId: body.survivorPersonId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
