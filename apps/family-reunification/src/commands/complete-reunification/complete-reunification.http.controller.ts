import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { CompleteReunificationCommand } from './complete-reunification.command';
import { CompleteReunificationRequest } from './complete-reunification.request.dto';

/** The person is handed to the ready family; follow-up visits are scheduled (1, 3 and 6 months unless the request names other offsets). */
@Controller('reunifications')
export class CompleteReunificationController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/complete')
  @Allow('dinas-sosial')
  completeReunification(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: CompleteReunificationRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CompleteReunificationCommand(
        {
          type: 'CompleteReunification',
          reunificationId,
          handedTo: { name: body.handedTo, relation: body.relation },
          place: body.place,
          documentsHandedOver: body.documents ?? [],
          ...(body.medication !== undefined && { medicationHandedOver: body.medication }),
          ...(body.puskesmasId !== undefined && { puskesmasId: body.puskesmasId }),
          ...(body.followUpOffsetsMonths !== undefined && { followUpOffsetsMonths: body.followUpOffsetsMonths }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
