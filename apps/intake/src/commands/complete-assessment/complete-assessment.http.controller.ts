import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { CompleteAssessmentCommand } from './complete-assessment.command';
import { CompleteAssessmentRequest } from './complete-assessment.request.dto';

@Controller('cases')
export class CompleteAssessmentController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The assessment and its decision; an RSJ or panti decision hands the person over to that service. */
  @Post(':caseId/assessment')
  @Allow('dinas-sosial')
  assess(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: CompleteAssessmentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new CompleteAssessmentCommand(
        {
          type: 'CompleteAssessment',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          assessorRef: body.assessorRef ?? actor.userId ?? actor.clientId,
          decision: body.decision,
          ...(body.rsjId !== undefined && { rsjId: body.rsjId }),
          ...(body.pantiId !== undefined && { pantiId: body.pantiId }),
          ...(body.needs !== undefined && { needs: body.needs }),
          ...(body.risk?.toSelf !== undefined && { riskToSelf: body.risk.toSelf }),
          ...(body.risk?.toOthers !== undefined && { riskToOthers: body.risk.toOthers }),
          ...(body.notes !== undefined && { notes: body.notes }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
