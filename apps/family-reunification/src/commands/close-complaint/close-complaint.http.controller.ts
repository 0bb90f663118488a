import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { CloseComplaintCommand } from './close-complaint.command';
import { CloseComplaintRequest } from './close-complaint.request.dto';

@Controller('complaints')
export class CloseComplaintController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The agency that filed it closes it: resolved once answered, or withdrawn by the family. */
  @Post(':complaintId/close')
  @Allow('dinas-sosial', 'polri')
  close(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() body: CloseComplaintRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CloseComplaintCommand(
        {
          type: 'CloseComplaint',
          complaintId,
          outcome: body.outcome,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
