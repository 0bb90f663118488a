import { Body, Controller, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { CompleteFollowUpVisitCommand } from './complete-follow-up-visit.command';
import { CompleteFollowUpVisitRequest } from './complete-follow-up-visit.request.dto';

/** A follow-up visit after the return (bimbingan lanjut), numbered 1, 2, 3… as scheduled. */
@Controller('reunifications')
export class CompleteFollowUpVisitController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/follow-ups/:visit')
  @Allow('dinas-sosial')
  completeFollowUpVisit(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Param('visit', new ParseIntPipe()) visit: number,
    @Body() body: CompleteFollowUpVisitRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CompleteFollowUpVisitCommand(
        {
          type: 'CompleteFollowUpVisit',
          reunificationId,
          visit,
          condition: body.condition,
          medicationAdherence: body.medicationAdherence,
          socialFunctioning: body.socialFunctioning,
          ...(body.puskesmasContacted !== undefined && { puskesmasContacted: body.puskesmasContacted }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
