import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { COMPLAINT_ADDRESSEE_KINDS } from '../../application/complaint-parties';
import { AnswerComplaintCommand } from './answer-complaint.command';
import { AnswerComplaintRequest } from './answer-complaint.request.dto';

@Controller('complaints')
export class AnswerComplaintController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The agency the complaint is routed to now answers it, once; after an escalation, the parent office. */
  @Post(':complaintId/answer')
  @Allow(...COMPLAINT_ADDRESSEE_KINDS)
  answer(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() body: AnswerComplaintRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AnswerComplaintCommand(
        {
          type: 'AnswerComplaint',
          complaintId,
          answer: body.answer,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
