import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RejectDuplicateCommand } from './reject-duplicate.command';
import { RejectDuplicateRequest } from './reject-duplicate.request.dto';

@Controller('cases')
export class RejectDuplicateController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The proposed earlier person is someone else: not proposed again. */
  @Post(':caseId/duplicate-candidates/:personId/reject')
  @Allow('dinas-sosial')
  reject(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('personId', new ParseUUIDPipe()) candidatePersonId: string,
    @Body() body: RejectDuplicateRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RejectDuplicateCommand(
        {
          type: 'RejectDuplicate',
          caseId,
          candidatePersonId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          ...(body.reason !== undefined && { reason: body.reason }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
