import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { CompleteHomeVisitCommand } from './complete-home-visit.command';
import { CompleteHomeVisitRequest } from './complete-home-visit.request.dto';

/** A visit to the family: whether it is ready to take the person home. 'refuses' also records the family declining the return. */
@Controller('reunifications')
export class CompleteHomeVisitController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/home-visit')
  @Allow('dinas-sosial')
  completeHomeVisit(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: CompleteHomeVisitRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CompleteHomeVisitCommand(
        {
          type: 'CompleteHomeVisit',
          reunificationId,
          readiness: body.readiness,
          ...(body.risks !== undefined && { risks: body.risks }),
          ...(body.needs !== undefined && { needs: body.needs }),
          ...(body.notes !== undefined && { notes: body.notes }),
          ...(body.refusalReason !== undefined && { refusalReason: body.refusalReason }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
