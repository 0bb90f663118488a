import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { AddTracingLeadsCommand } from './add-tracing-leads.command';
import { AddTracingLeadsRequest } from './add-tracing-leads.request.dto';

/** More names and places the person mentions, while the family is still sought; none is fine. */
@Controller('reunifications')
export class AddTracingLeadsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/tracing')
  @Allow('dinas-sosial')
  addTracingLeads(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: AddTracingLeadsRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AddTracingLeadsCommand(
        {
          type: 'AddTracingLeads',
          reunificationId,
          leads: body.leads ?? [],
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
